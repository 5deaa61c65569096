/**
 * Rate limits as configuration: one rule a bucket of related endpoints, written `user=5/min,ip=60/min` — at most
 * that many requests per signed-in person and per client address in that window (either part may be left out).
 * Windows are `s`, `min` or `h`, optionally with a count (`10/5min`).
 */
export const RATE_LIMIT_BUCKETS = ['signIn', 'reports', 'uploads', 'discussion', 'ballots', 'wechat'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

/** Whose requests a window counts: one signed-in person's, or one client address's. */
export const RATE_LIMIT_SCOPES = ['user', 'ip'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

export interface RateLimitWindow {
  limit: number;
  seconds: number;
}

export type RateLimitRule = Partial<Record<RateLimitScope, RateLimitWindow>>;

/**
 * Sign-in and WeChat are counted per address (nobody is signed in yet); ballots are tight per person and generous
 * per address, because a whole building may vote from behind one NAT address.
 */
export const DEFAULT_RATE_LIMITS: Record<RateLimitBucket, string> = {
  signIn: 'ip=30/min',
  reports: 'user=5/min,ip=60/min',
  uploads: 'user=30/min,ip=300/min',
  discussion: 'user=10/min,ip=120/min',
  ballots: 'user=10/min,ip=1000/min',
  wechat: 'user=10/min,ip=60/min',
};

const UNIT_SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600 };
const PART = /^\s*(user|ip)\s*=\s*(\d{1,9})\s*\/\s*(\d{0,6})\s*(s|min|h)\s*$/;

/** `user=5/min,ip=60/min` → the rule; null when any part does not read. */
export function parseRateLimitRule(text: string): RateLimitRule | null {
  const rule: RateLimitRule = {};
  for (const part of text.split(',')) {
    const match = PART.exec(part);
    if (!match) return null;
    const scope = match[1] as RateLimitScope;
    if (rule[scope]) return null;
    rule[scope] = { limit: Number(match[2]), seconds: Number(match[3] || 1) * UNIT_SECONDS[match[4]] };
  }
  return isRateLimitRule(rule) ? rule : null;
}

/** At least one scope, each with a positive whole limit and window (a day at most). */
export function isRateLimitRule(value: unknown): value is RateLimitRule {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([scope, window]) =>
        (RATE_LIMIT_SCOPES as readonly string[]).includes(scope) &&
        typeof window === 'object' &&
        window !== null &&
        Number.isInteger(window.limit) &&
        window.limit >= 1 &&
        Number.isInteger(window.seconds) &&
        window.seconds >= 1 &&
        window.seconds <= 86_400,
    )
  );
}
