/**
 * Masking personal data for certificates, exports shown on screen and public pages (honour rolls, volunteer
 * rankings). Enough stays visible for a person to recognise their own record, not enough to identify a
 * stranger — in line with how government service platforms print ID and phone numbers.
 */

const STAR = '*';

/**
 * Resident ID number: first 4 (province + city) and last 4 kept — `4401**********1234`. Works for the
 * 18-digit and the old 15-digit cards; anything short keeps only its ends.
 */
export function maskIdNumber(value: string | null | undefined): string {
  const id = (value ?? '').replace(/\s+/g, '').toUpperCase();
  const chars = Array.from(id);
  if (chars.length === 0) return '';
  if (chars.length >= 10) return chars.slice(0, 4).join('') + STAR.repeat(chars.length - 8) + chars.slice(-4).join('');
  if (chars.length >= 3) return chars[0] + STAR.repeat(chars.length - 2) + chars[chars.length - 1];
  return STAR.repeat(chars.length);
}

/**
 * Phone number: the four digits before the last four become stars, separators and country code kept —
 * `138****5678`, `+86 138****5678`, `020-****1234`. Short numbers show only their last two digits.
 */
export function maskPhone(value: string | null | undefined): string {
  const phone = (value ?? '').trim();
  const digitPositions: number[] = [];
  for (let i = 0; i < phone.length; i++) if (phone[i] >= '0' && phone[i] <= '9') digitPositions.push(i);
  const n = digitPositions.length;
  if (n === 0) return phone;
  const hidden = new Set(n >= 8 ? digitPositions.slice(n - 8, n - 4) : digitPositions.slice(0, Math.max(0, n - 2)));
  return Array.from(phone, (ch, i) => (hidden.has(i) ? STAR : ch)).join('');
}

const NAME_SEPARATORS = new Set(['·', '•', '・', ' ', '-']);

/**
 * Person's name: first and last character kept, the rest starred — `张*丰`, `欧**娜`; a two-character name
 * keeps its surname only (`张*`). Separators in ethnic-minority and foreign names stay (`买**·*力`).
 */
export function maskName(value: string | null | undefined): string {
  const chars = Array.from((value ?? '').trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return STAR;
  if (chars.length === 2) return chars[0] + STAR;
  return chars.map((ch, i) => (i === 0 || i === chars.length - 1 || NAME_SEPARATORS.has(ch) ? ch : STAR)).join('');
}
