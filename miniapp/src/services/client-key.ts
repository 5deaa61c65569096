/**
 * A random key made once per intent (a report draft, a sign-up tap) and sent with every retry of it, so a
 * request retried after a lost answer acts once. 32 hex digits, inside CASE_CLIENT_KEY_PATTERN.
 */
export function newClientKey(randomByte: () => number = defaultRandomByte): string {
  let key = '';
  for (let i = 0; i < 16; i += 1) key += (randomByte() & 0xff).toString(16).padStart(2, '0');
  return key;
}

function defaultRandomByte(): number {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Uint8Array(1))[0];
  return Math.floor(Math.random() * 256);
}
