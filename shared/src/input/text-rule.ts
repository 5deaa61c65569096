/**
 * The one rule for text that arrives from outside (request bodies and queries), applied to every string the API
 * reads. Pasted text often carries invisible characters; none of them is ever meant, and some are harmful:
 *  - C0/C1 control characters (NUL, BEL, ESC…) break exports, logs and some database drivers;
 *  - bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the directional marks make a name or
 *    a comment display in an order other than it is stored ("Trojan Source" spoofing);
 *  - lone UTF-16 surrogates cannot be stored as UTF-8 at all (MariaDB would keep U+FFFD instead).
 * All of those are removed. Line breaks are kept (as \n) only in multi-line text, with tabs; in one-line text both
 * become a space. Then the text is trimmed of white space and zero-width characters (U+200B–200D, U+2060, U+FEFF),
 * so text of nothing but those is empty. Zero-width characters inside text stay: the joiner builds emoji.
 */
export type TextKind = 'line' | 'multiline';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** CR LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: every way to say "new line". */
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
/** Bidi embeddings/overrides (202A–202E), isolates (2066–2069), LRM, RLM and the Arabic letter mark. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0 and C1 controls and DEL, except tab and line feed (handled by kind). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const TAB_OR_NEWLINE = /[\t\n]/g;
/** White space (JS \s: includes U+3000 and U+FEFF) and the zero-width characters, at either end. */
const INVISIBLE_EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** The text as the API stores it: see the rule above. */
export function cleanText(raw: string, kind: TextKind = 'line'): string {
  let text = raw.replace(LONE_SURROGATE, '').replace(LINE_BREAK, '\n').replace(BIDI, '').replace(CONTROL, '');
  if (kind === 'line') text = text.replace(TAB_OR_NEWLINE, ' ');
  return text.replace(INVISIBLE_EDGES, '');
}

/** Whether text has anything a reader can see once cleaned (the test for required text). */
export function hasVisibleText(raw: string, kind: TextKind = 'line'): boolean {
  return cleanText(raw, kind).length > 0;
}
