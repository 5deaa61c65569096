import {
  validateVolunteerAttendanceCorrection,
  type VolunteerActivityView,
  type VolunteerAttendanceCorrectionInput,
  type VolunteerAttendanceView,
} from '@linli/shared';
import { shanghaiClockText, shanghaiDateValue, shanghaiLocalToIso } from '../common/shanghai-time';

/** The organiser's correction as typed: clock times on the activity's day and a reason. */
export interface VolunteerCorrectionFormState {
  checkIn: string;
  checkOut: string;
  reason: string;
}

/** Starts from what was recorded, or the activity's own times when someone never scanned. */
export function volunteerCorrectionStart(activity: VolunteerActivityView, attendance: VolunteerAttendanceView): VolunteerCorrectionFormState {
  return {
    checkIn: shanghaiClockText(attendance.checkInAt ?? activity.startsAt),
    checkOut: shanghaiClockText(attendance.checkOutAt ?? activity.endsAt),
    reason: '',
  };
}

/**
 * Turns the form into the request, checked by the shared correction rule (reason, windows, order) so the
 * organiser sees the problem before sending. Times are on the activity's start date in Shanghai.
 */
export function toVolunteerCorrection(
  activity: VolunteerActivityView,
  form: VolunteerCorrectionFormState,
): { input: VolunteerAttendanceCorrectionInput; minutes: number } | { error: string } {
  const day = shanghaiDateValue(activity.startsAt);
  const checkInAt = shanghaiLocalToIso(day, form.checkIn);
  const checkOutAt = form.checkOut.trim() ? shanghaiLocalToIso(day, form.checkOut) : null;
  if (!checkInAt || (form.checkOut.trim() && !checkOutAt)) return { error: '请按“时:分”填写时间，如 09:05' };
  const verdict = validateVolunteerAttendanceCorrection({
    activity: { startsAt: new Date(activity.startsAt), endsAt: new Date(activity.endsAt), capacity: activity.capacity },
    checkInAt: new Date(checkInAt),
    checkOutAt: checkOutAt ? new Date(checkOutAt) : null,
    reason: form.reason,
  });
  if (!verdict.ok) return { error: verdict.message };
  return { input: { checkInAt, checkOutAt, reason: verdict.reason }, minutes: verdict.serviceMinutes };
}
