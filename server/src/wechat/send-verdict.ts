import type { SendAttempt } from './subscribe-message.client';

/** Sends tried per credit before it is given up as failed: the first and three retries. */
export const MAX_SEND_ATTEMPTS = 4;
/** The wait before the first retry; it doubles before each next one (1, 2, 4 minutes). */
export const RETRY_BASE_MS = 60_000;

/** The person has withdrawn consent or has no quota left for the template: WeChat will not deliver it. */
const REFUSED = new Set([43101]);
/** WeChat is busy (-1) or the send rate is exceeded (45009): the same message may go through later. */
const BUSY = new Set([-1, 45009]);
/** A token still refused after one refresh: worth another try later, the token's trouble is not the person's. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

/**
 * `at` without its milliseconds, as a DATETIME column stores it on both databases. A due time is never stored
 * later than meant (MySQL would round half a second up), so `next_attempt_at <= now` holds when it should.
 */
export function wholeSecond(at: Date | number): Date {
  return new Date(Math.floor(new Date(at).getTime() / 1000) * 1000);
}

/** What becomes of a credit after one send. */
export type SendVerdict =
  | { status: 'sent' }
  | { status: 'refused'; errcode: number; detail: string }
  | { status: 'due'; retryAt: Date; errcode: number | null; detail: string }
  | { status: 'failed'; errcode: number | null; detail: string };

/**
 * The verdict on the `attempt`-th send of a credit (1 = the first). No answer (a timeout, WeChat unreachable,
 * a garbled reply, no token to be had), busy or rate-limited → tried again after a backoff until
 * MAX_SEND_ATTEMPTS, then failed. 43101 → refused, never retried. Any other errcode (a bad openid, template
 * or field value) would fail the same way again → failed at once.
 */
export function sendVerdict(result: SendAttempt, attempt: number, now: Date): SendVerdict {
  const { errcode } = result;
  const detail = (result.detail ?? (errcode === null ? 'no answer' : `errcode ${errcode}`)).slice(0, 100);
  if (errcode === 0) return { status: 'sent' };
  if (errcode !== null && REFUSED.has(errcode)) return { status: 'refused', errcode, detail };
  const retryable = errcode === null || BUSY.has(errcode) || STALE_TOKEN.has(errcode);
  if (!retryable || attempt >= MAX_SEND_ATTEMPTS) return { status: 'failed', errcode, detail };
  return { status: 'due', retryAt: wholeSecond(now.getTime() + RETRY_BASE_MS * 2 ** (attempt - 1)), errcode, detail };
}
