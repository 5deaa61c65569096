/** The header a phone sends so that a write it repeats (after a lost answer) is done once. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** What an Idempotency-Key (or a report's client key) may look like: 8–64 of [A-Za-z0-9_-]. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
