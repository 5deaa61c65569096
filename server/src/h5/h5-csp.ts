import { createHash } from 'node:crypto';

/**
 * CSP hashes (`'sha256-…'`) of the inline scripts in the H5 build's index.html. Taro inlines one small script (it
 * sets the root font size before the bundles load); allowing it by hash keeps `script-src` free of 'unsafe-inline'.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The Content-Security-Policy of the API and the H5 pages: everything from the server's own origin; inline styles
 * (React style attributes and Taro's components need them); images and uploads from blob: and data: (photo
 * previews); no plugins, no framing by other sites. `upgrade-insecure-requests` is left out: TLS is the proxy's
 * business, and a plain-HTTP development server must keep working.
 */
export function contentSecurityPolicy(scriptHashes: string[]): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'", 'blob:', 'data:'],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'", ...scriptHashes],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    upgradeInsecureRequests: null,
  };
}
