/**
 * Storage keys are built by the server, never taken from a request, but the driver still refuses anything
 * that could leave its root: no segment starts with a dot (so no `.`/`..` and no hidden temp names), only a
 * small alphabet is allowed (base64url ids included), no empty segments, no leading slash, no backslashes.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

export function isSafeStorageKey(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment));
}

export class UnsafeStorageKeyError extends Error {
  constructor(key: string) {
    super(`Unsafe storage key: ${JSON.stringify(key)}`);
    this.name = 'UnsafeStorageKeyError';
  }
}

export function assertSafeStorageKey(key: string): void {
  if (!isSafeStorageKey(key)) throw new UnsafeStorageKeyError(key);
}
