import { h5CacheControl, IMMUTABLE, REVALIDATE } from './h5-cache-policy';

describe('h5CacheControl', () => {
  it('keeps bundles stamped with their content hash for a year without asking again', () => {
    expect(h5CacheControl('/srv/h5/js/app.bd9af12d.js')).toBe(IMMUTABLE);
    expect(h5CacheControl('/srv/h5/css/920.6a62dd23.css')).toBe(IMMUTABLE);
    expect(h5CacheControl('/srv/h5/static/images/logo.0f3c9a1b2d.png')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('has the page and unstamped files checked on every load, so a new release shows at once', () => {
    expect(h5CacheControl('/srv/h5/index.html')).toBe(REVALIDATE);
    expect(h5CacheControl('/srv/h5/favicon.ico')).toBe(REVALIDATE);
    expect(h5CacheControl('/srv/h5/js/app.js')).toBe(REVALIDATE);
    // Eight letters that are not all hexadecimal are a name, not a hash.
    expect(h5CacheControl('/srv/h5/js/vendors.bundling.js')).toBe(REVALIDATE);
    expect(REVALIDATE).toBe('no-cache');
  });
});
