const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh Idempotency-Key for one intended ballot: 24 of [A-Za-z0-9], inside the 8–64 of [A-Za-z0-9_-] the
 * ballot endpoint accepts. The time prefix keeps two keys from one phone apart even with a weak random source.
 */
export function newIdempotencyKey(random: () => number = Math.random, now: () => number = Date.now): string {
  let key = now().toString(36);
  while (key.length < 24) key += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return key.slice(0, 24);
}
