import { useEffect, useState } from 'react';
import { largeText } from '../services';

/** Whether elder-friendly large text is on; every page re-renders when it is toggled on 我的. */
export function useLargeText(): boolean {
  const [enabled, setEnabled] = useState(() => largeText.isEnabled());
  useEffect(() => {
    setEnabled(largeText.isEnabled());
    return largeText.subscribe(setEnabled);
  }, []);
  return enabled;
}
