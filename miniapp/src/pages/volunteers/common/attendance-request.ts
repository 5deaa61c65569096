import type { VolunteerActivityView, VolunteerAttendanceInput, VolunteerPositionInput, VolunteerQrPurpose } from '@linli/shared';
import { readVolunteerQrText } from './qr-text';

/** What the person gave for one check-in or check-out: the scanned/pasted text and/or the phone's position. */
export interface VolunteerAttendanceProof {
  scannedText?: string | null;
  position?: VolunteerPositionInput | null;
}

/**
 * The request body for a check-in or check-out, or the reason it cannot be sent. Catches the everyday
 * mistakes on the phone (a code of another activity, the check-out code at check-in, no location where the
 * activity demands it) so the person hears about them at once; the server re-checks everything.
 */
export function volunteerAttendanceRequest(
  activity: Pick<VolunteerActivityView, 'id' | 'checkMethods' | 'requireLocation' | 'place'>,
  purpose: VolunteerQrPurpose,
  proof: VolunteerAttendanceProof,
): { input: VolunteerAttendanceInput } | { error: string } {
  const text = (proof.scannedText ?? '').trim();
  const input: VolunteerAttendanceInput = {};
  if (text) {
    const code = readVolunteerQrText(text);
    if (!code) return { error: '二维码无效，请扫描活动现场的签到码' };
    if (code.activityId !== activity.id) return { error: '该二维码不属于本活动' };
    if (code.purpose !== purpose) return { error: purpose === 'check_in' ? '这是签退码，请扫描签到码' : '这是签到码，请扫描签退码' };
    if (!activity.checkMethods.includes('qr')) return { error: '该活动不支持扫码签到，请使用定位签到' };
    input.token = code.token;
  }
  if (proof.position) input.position = proof.position;
  if (!input.token && !input.position) return { error: activity.checkMethods.includes('qr') ? '请扫描或输入现场的签到码' : '请开启定位后再签到' };
  if (!input.token && !activity.checkMethods.includes('location')) return { error: '该活动需扫描现场二维码签到' };
  if (activity.requireLocation && !input.position) return { error: '该活动签到需同时提供定位，请开启定位' };
  return { input };
}
