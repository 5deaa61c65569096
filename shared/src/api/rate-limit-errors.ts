/**
 * The refusal of a request over its rate limit. The code is stable (clients branch on it); the message is what a
 * resident reads; `details.retryAfterSeconds` (and the Retry-After header) say when to try again.
 */
export const RATE_LIMIT_ERRORS = {
  rate_limited: { status: 429, message: '操作太频繁，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type RateLimitErrorCode = keyof typeof RATE_LIMIT_ERRORS;

/** What a 429 carries besides the code and message. */
export interface RateLimitErrorDetails {
  retryAfterSeconds: number;
}
