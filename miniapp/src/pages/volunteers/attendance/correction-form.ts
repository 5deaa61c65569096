import {
  validateVolunteerAttendanceCorrection,
  volunteerCheckInWindow,
  volunteerCheckOutWindow,
  type VolunteerActivityView,
  type VolunteerAttendanceWindow,
  type VolunteerAttendanceCorrectionInput,
  type VolunteerAttendanceView,
} from '@linli/shared';
import { DAY_MS, shanghaiClockText, shanghaiDateValue, shanghaiLocalToIso } from '../common/shanghai-time';

/** The organiser's correction as typed: clock times and a reason. */
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
 * The instant a clock time the organiser typed stands for: the one inside the window where it is allowed,
 * so 00:30 on an activity that runs 22:00–01:00 is the next day. A check-out takes the first such instant
 * not before the check-in. When the window holds none, the start day (or the first day after the check-in),
 * so the shared rule says the time falls outside the window. Null when the time is unreadable.
 */
function instantOfClock(time: string, allowed: VolunteerAttendanceWindow, startDay: string, notBefore: Date | null): Date | null {
  const onStartDay = shanghaiLocalToIso(startDay, time);
  if (!onStartDay) return null;
  // Readable, as the start-day one was: the same time on the day the window opens.
  const first = Date.parse(shanghaiLocalToIso(shanghaiDateValue(allowed.opensAt.toISOString()), time)!);
  const inWindow: Date[] = [];
  for (let t = first; t <= allowed.closesAt.getTime(); t += DAY_MS) {
    if (t >= allowed.opensAt.getTime()) inWindow.push(new Date(t));
  }
  const chosen = inWindow.find((t) => !notBefore || t.getTime() >= notBefore.getTime()) ?? inWindow[0];
  if (chosen) return chosen;
  let outside = Date.parse(onStartDay);
  while (notBefore && outside < notBefore.getTime()) outside += DAY_MS;
  return new Date(outside);
}

/**
 * Turns the form into the request, checked by the shared correction rule (reason, windows, order) so the
 * organiser sees the problem before sending.
 */
export function toVolunteerCorrection(
  activity: VolunteerActivityView,
  form: VolunteerCorrectionFormState,
): { input: VolunteerAttendanceCorrectionInput; minutes: number } | { error: string } {
  const rules = { startsAt: new Date(activity.startsAt), endsAt: new Date(activity.endsAt), capacity: activity.capacity };
  const startDay = shanghaiDateValue(activity.startsAt);
  const checkInAt = instantOfClock(form.checkIn, volunteerCheckInWindow(rules), startDay, null);
  const checkOutAt = checkInAt && form.checkOut.trim() ? instantOfClock(form.checkOut, volunteerCheckOutWindow(rules), startDay, checkInAt) : null;
  if (!checkInAt || (form.checkOut.trim() && !checkOutAt)) return { error: '请按“时:分”填写时间，如 09:05' };
  const verdict = validateVolunteerAttendanceCorrection({ activity: rules, checkInAt, checkOutAt, reason: form.reason });
  if (!verdict.ok) return { error: verdict.message };
  return {
    input: { checkInAt: checkInAt.toISOString(), checkOutAt: checkOutAt ? checkOutAt.toISOString() : null, reason: verdict.reason },
    minutes: verdict.serviceMinutes,
  };
}
