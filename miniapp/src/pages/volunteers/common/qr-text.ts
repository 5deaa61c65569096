import type { VolunteerQrPurpose } from '@linli/shared';

/** What a scanned or pasted check-in code says: the token to send, and which activity and step it is for. */
export interface VolunteerScannedCode {
  token: string;
  activityId: number;
  purpose: VolunteerQrPurpose;
}

// The server's rotating token: v1.<activityId>.<purpose>.<window>.<mac>. Matched anywhere in the text, so a
// code pasted together with surrounding words, or wrapped in a link by a chat app, still works.
const TOKEN = /v1\.([0-9]{1,12})\.(check_in|check_out)\.(?:0|[1-9][0-9]{0,15})\.[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/;

/**
 * Reads the organiser's code from what the camera (weapp) or the paste box (H5) produced. Returns null for
 * anything that is not a check-in/check-out code, so the page can say so before asking the server.
 */
export function readVolunteerQrText(text: string | null | undefined): VolunteerScannedCode | null {
  const match = TOKEN.exec((text ?? '').trim());
  if (!match) return null;
  const activityId = Number(match[1]);
  if (!Number.isSafeInteger(activityId) || activityId <= 0) return null;
  return { token: match[0], activityId, purpose: match[2] as VolunteerQrPurpose };
}
