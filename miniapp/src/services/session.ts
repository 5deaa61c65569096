import type { MeResponse } from '@linli/shared';

/** The few storage calls the session needs; Taro storage on devices, a Map in tests. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export interface Session {
  token: string;
  user: MeResponse;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
}

type Listener = (session: Session | null) => void;

const STORAGE_KEY = 'linli.session';

function isSession(value: unknown): value is Session {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  return typeof s.token === 'string' && typeof s.expiresAt === 'number' && !!s.user && typeof s.user === 'object';
}

/**
 * Token and current user, persisted so a reopened mini-program stays signed in, with a tiny
 * subscribe mechanism so every mounted page re-renders on sign-in, sign-out or profile refresh.
 */
export class SessionStore {
  private current: Session | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {
    const stored = storage.get(STORAGE_KEY);
    this.current = isSession(stored) && stored.expiresAt > now() ? stored : null;
    if (!this.current && stored) storage.remove(STORAGE_KEY);
  }

  get(): Session | null {
    if (this.current && this.current.expiresAt <= this.now()) this.clear();
    return this.current;
  }

  token(): string | null {
    return this.get()?.token ?? null;
  }

  user(): MeResponse | null {
    return this.get()?.user ?? null;
  }

  signIn(token: string, user: MeResponse, expiresInSeconds: number): void {
    this.replace({ token, user, expiresAt: this.now() + expiresInSeconds * 1000 });
  }

  /** Keeps the token, swaps in a fresher profile (e.g. after GET /api/me). */
  updateUser(user: MeResponse): void {
    if (!this.current) return;
    this.replace({ ...this.current, user });
  }

  clear(): void {
    if (!this.current) return;
    this.replace(null);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private replace(next: Session | null): void {
    this.current = next;
    if (next) this.storage.set(STORAGE_KEY, next);
    else this.storage.remove(STORAGE_KEY);
    this.listeners.forEach((listener) => listener(next));
  }
}
