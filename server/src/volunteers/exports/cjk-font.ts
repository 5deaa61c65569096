import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Simplified Chinese font embedded in PDF exports. First choice is the one the server's own npm
 * dependencies ship (@embedpdf/fonts-sc: Noto Sans Hans, OpenType), so a fresh install prints Chinese
 * without system packages; the Debian fonts-noto-cjk collection is the fallback.
 */
export interface CjkFont {
  /** What pdfkit's registerFont takes: the font bytes, plus the face name inside a collection (.ttc). */
  data: Buffer;
  family?: string;
  source: string;
}

const SYSTEM_FALLBACK = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

export class CjkFontMissingError extends Error {
  constructor() {
    super(
      'No Simplified Chinese font for PDF export: install the server dependencies (npm install -w server, ' +
        `which brings @embedpdf/fonts-sc) or the Debian package fonts-noto-cjk (${SYSTEM_FALLBACK.path}).`,
    );
    this.name = 'CjkFontMissingError';
  }
}

function packagedFontPath(): string | null {
  try {
    // The package exports only its entry point, so find the fonts folder from it.
    const entry = require.resolve('@embedpdf/fonts-sc');
    const path = join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let cached: CjkFont | null = null;

/** Loads the font once per process (about 8 MB; pdfkit subsets it, so each PDF embeds only the glyphs it uses). */
export function loadCjkFont(): CjkFont {
  if (cached) return cached;
  const packaged = packagedFontPath();
  if (packaged) cached = { data: readFileSync(packaged), source: packaged };
  else if (existsSync(SYSTEM_FALLBACK.path)) cached = { data: readFileSync(SYSTEM_FALLBACK.path), family: SYSTEM_FALLBACK.family, source: SYSTEM_FALLBACK.path };
  else throw new CjkFontMissingError();
  return cached;
}
