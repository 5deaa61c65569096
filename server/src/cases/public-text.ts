import { maskIdNumber, maskPhone } from '@linli/shared';

/**
 * Numbers that identify a person, as residents type them into a description: an 18-digit ID number, a
 * mainland mobile number (11 digits from 13–19, spaces or dashes allowed between groups), a landline with
 * its area code. Digits glued to other digits are left alone (an order number is not a phone number).
 */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

/**
 * Free text of a case as the public outcomes page shows it (办理结果公开): what the resident wrote stays,
 * but phone and ID numbers in it are masked the way public pages print them (138****5678).
 */
export function maskPublicCaseText(text: string): string;
export function maskPublicCaseText(text: string | null): string | null;
export function maskPublicCaseText(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m)).replace(LANDLINE, (m) => maskPhone(m));
}
