import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** How long a request waits for the shared counter before it goes through uncounted. Redis answers in well under 1 ms. */
export const RATE_LIMIT_STORAGE_WAIT_MS = 250;

/**
 * After the store failed to answer, requests go through uncounted without asking it for this long: while Redis is
 * down, a report would otherwise wait out the deadline once per counter it is checked against.
 */
export const RATE_LIMIT_STORAGE_PAUSE_MS = 2_000;

/** One warning this often at most while the counter store is away, with how many requests went through uncounted. */
const WARN_EVERY_MS = 10_000;

const NOT_COUNTED: ThrottlerStorageRecord = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };

/**
 * Wraps the shared (Redis) counter store so that a slow or unreachable Redis lets requests through instead of holding
 * them or failing them: a limit is protection, not a dependency of every report and ballot.
 */
export class FailOpenStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;
  private uncounted = 0;
  /** Until when the store is not asked (after it failed). */
  private pausedUntil = 0;

  constructor(
    private readonly inner: ThrottlerStorage,
    private readonly waitMs = RATE_LIMIT_STORAGE_WAIT_MS,
    private readonly pauseMs = RATE_LIMIT_STORAGE_PAUSE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.now() < this.pausedUntil) {
      this.uncounted++;
      return NOT_COUNTED;
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.waitMs} ms`)), this.waitMs);
    });
    try {
      return await Promise.race([this.inner.increment(key, ttl, limit, blockDuration, throttlerName), deadline]);
    } catch (error) {
      this.pausedUntil = this.now() + this.pauseMs;
      this.warn(error);
      return NOT_COUNTED;
    } finally {
      clearTimeout(timer);
    }
  }

  private warn(error: unknown): void {
    this.uncounted++;
    const now = this.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.logger.warn({ err: error instanceof Error ? error.message : String(error), uncounted: this.uncounted }, 'rate-limit counters unavailable; requests go through uncounted');
    this.lastWarning = now;
    this.uncounted = 0;
  }
}
