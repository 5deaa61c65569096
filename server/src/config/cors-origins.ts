/**
 * Browser origins other than the server's own that may call the API (CORS_ORIGINS, comma-separated), each exactly
 * `scheme://host[:port]`. The H5 app is served by the API itself and the mini-program is no browser, so production
 * normally needs none; the literal origin `null` (sandboxed frames, file://) is never one.
 */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/;

/** The text of CORS_ORIGINS → the list (lower-cased, no trailing slash); null when an entry is not an origin. */
export function parseCorsOrigins(text: string): string[] | null {
  const origins = text
    .split(',')
    .map((entry) => entry.trim().toLowerCase().replace(/\/$/, ''))
    .filter((entry) => entry !== '');
  return origins.every((origin) => ORIGIN.test(origin)) ? origins : null;
}

export function isCorsOriginList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((origin) => typeof origin === 'string' && ORIGIN.test(origin));
}
