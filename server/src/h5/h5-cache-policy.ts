/** A file name the H5 build stamps with its content hash (`js/app.bd9af12d.js`): its content never changes. */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cached, but asked about (ETag) every time, so a new deployment's index.html names its new bundles at once. */
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the H5 build, by its path. */
export function h5CacheControl(path: string): string {
  return HASHED_NAME.test(path) ? IMMUTABLE : REVALIDATE;
}
