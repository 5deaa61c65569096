import { useEffect, useState } from 'react';
import { session, type Session } from '../services';

/** The current session; the calling page re-renders on sign-in, sign-out and profile refresh. */
export function useSession(): Session | null {
  const [current, setCurrent] = useState<Session | null>(() => session.get());
  useEffect(() => {
    // The session may have changed between the first render and subscribing (e.g. while another page was open).
    setCurrent(session.get());
    return session.subscribe(setCurrent);
  }, []);
  return current;
}
