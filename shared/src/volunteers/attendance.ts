import { LngLat, distanceMeters, isValidLngLat } from '../geo/distance';
import { VOLUNTEER_DEFAULTS, VolunteerActivityRules, VolunteerCheckMethod } from './activity';
import { VolunteerSignupStatus } from './signup';
import { VolunteerRuleError, volunteerError } from './volunteer-errors';

const MINUTE_MS = 60_000;

/** A phone's position as wx.getLocation gives it, with its reported accuracy radius in metres. */
export interface VolunteerPosition extends LngLat {
  accuracyMeters?: number;
}

/** The person's attendance so far for one activity (both null before they arrive). */
export interface VolunteerAttendanceState {
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

export interface VolunteerAttendanceWindow {
  opensAt: Date;
  closesAt: Date;
}

export interface VolunteerPresenceOk {
  ok: true;
  /** Metres from the activity's place when the location was checked, otherwise null. */
  distanceMeters: number | null;
}

/** Check-in is open from a margin before the start until the end. */
export function volunteerCheckInWindow(activity: VolunteerActivityRules): VolunteerAttendanceWindow {
  const early = activity.checkInEarlyMinutes ?? VOLUNTEER_DEFAULTS.checkInEarlyMinutes;
  return { opensAt: new Date(activity.startsAt.getTime() - early * MINUTE_MS), closesAt: activity.endsAt };
}

/** Check-out stays open a while after the end: people forget on the spot, and minutes are clipped anyway. */
export function volunteerCheckOutWindow(activity: VolunteerActivityRules): VolunteerAttendanceWindow {
  const late = activity.checkOutLateMinutes ?? VOLUNTEER_DEFAULTS.checkOutLateMinutes;
  return { opensAt: volunteerCheckInWindow(activity).opensAt, closesAt: new Date(activity.endsAt.getTime() + late * MINUTE_MS) };
}

const within = (t: Date, w: VolunteerAttendanceWindow) =>
  t.getTime() >= w.opensAt.getTime() && t.getTime() <= w.closesAt.getTime();

/**
 * Whether the method is accepted and, when the location counts, whether the phone is near enough. The
 * reported GPS accuracy widens the radius (a phone indoors next door still means "here"), up to a cap.
 */
function checkPresence(
  activity: VolunteerActivityRules,
  method: VolunteerCheckMethod,
  position: VolunteerPosition | null | undefined,
): VolunteerPresenceOk | VolunteerRuleError {
  const methods = activity.checkMethods ?? ['qr', 'location'];
  if (!methods.includes(method)) return volunteerError('method_not_allowed', { method });
  const needsLocation = method === 'location' || activity.requireLocation === true;
  if (!needsLocation) return { ok: true, distanceMeters: null };
  if (!activity.place) return volunteerError('method_not_allowed', { method });
  if (!position) return volunteerError('location_required');
  if (!isValidLngLat(position)) return volunteerError('invalid_location');

  const radius = activity.radiusMeters ?? VOLUNTEER_DEFAULTS.radiusMeters;
  const accuracy = Number.isFinite(position.accuracyMeters) && position.accuracyMeters! > 0 ? position.accuracyMeters! : 0;
  const allowed = radius + Math.min(accuracy, VOLUNTEER_DEFAULTS.maxAccuracyToleranceMeters);
  const distance = distanceMeters(position, activity.place);
  if (distance > allowed) {
    return volunteerError('too_far', { distanceMeters: Math.round(distance), allowedMeters: Math.round(allowed) });
  }
  return { ok: true, distanceMeters: distance };
}

/** Whether a person may check in now. The QR token itself is verified on the server before this runs. */
export function validateVolunteerCheckIn(input: {
  activity: VolunteerActivityRules;
  now: Date;
  method: VolunteerCheckMethod;
  position?: VolunteerPosition | null;
  attendance?: VolunteerAttendanceState | null;
  signupStatus?: VolunteerSignupStatus | null;
}): VolunteerPresenceOk | VolunteerRuleError {
  const { activity, now, method, position, attendance } = input;
  if (activity.cancelledAt) return volunteerError('activity_cancelled');
  if (attendance?.checkInAt) return volunteerError('already_checked_in', { checkInAt: attendance.checkInAt.toISOString() });
  const window = volunteerCheckInWindow(activity);
  // Open from opensAt up to, not including, the end: checking in as it finishes would earn nothing.
  if (now.getTime() < window.opensAt.getTime() || now.getTime() >= window.closesAt.getTime()) {
    return volunteerError('outside_window', { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() });
  }
  if (activity.requireConfirmedSignup && input.signupStatus !== 'confirmed') return volunteerError('not_signed_up');
  return checkPresence(activity, method, position);
}

/** Whether a person may check out now; on success also says how many minutes of service that makes. */
export function validateVolunteerCheckOut(input: {
  activity: VolunteerActivityRules;
  now: Date;
  method: VolunteerCheckMethod;
  position?: VolunteerPosition | null;
  attendance: VolunteerAttendanceState | null;
}): (VolunteerPresenceOk & { serviceMinutes: number }) | VolunteerRuleError {
  const { activity, now, method, position, attendance } = input;
  if (activity.cancelledAt) return volunteerError('activity_cancelled');
  if (!attendance?.checkInAt) return volunteerError('not_checked_in');
  if (attendance.checkOutAt) return volunteerError('already_checked_out', { checkOutAt: attendance.checkOutAt.toISOString() });
  if (now.getTime() < attendance.checkInAt.getTime()) return volunteerError('checkout_before_checkin');
  const window = volunteerCheckOutWindow(activity);
  if (!within(now, window)) {
    return volunteerError('outside_window', { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() });
  }
  const presence = checkPresence(activity, method, position);
  if (!presence.ok) return presence;
  return { ...presence, serviceMinutes: volunteerServiceMinutes(activity, attendance.checkInAt, now) };
}

/**
 * Minutes of service: the stay clipped to the activity's own window (arriving early or leaving late earns
 * nothing extra), rounded down to whole minutes so a record never claims time not given.
 */
export function volunteerServiceMinutes(
  activity: Pick<VolunteerActivityRules, 'startsAt' | 'endsAt'>,
  checkIn: Date,
  checkOut: Date,
): number {
  const from = Math.max(checkIn.getTime(), activity.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), activity.endsAt.getTime());
  return to > from ? Math.floor((to - from) / MINUTE_MS) : 0;
}

/** Hours as certificates print them: tenths of an hour, rounded down (95 minutes → 1.5). */
export function volunteerHoursFromMinutes(minutes: number): number {
  if (!(minutes > 0)) return 0;
  return Math.floor(minutes / 6) / 10;
}

export const VOLUNTEER_CORRECTION_REASON_MAX = 200;

/**
 * An organiser's correction of someone's times (forgot to scan, phone died). The times must still fall in
 * the attendance windows, in order, and the reason is kept for the audit log.
 */
export function validateVolunteerAttendanceCorrection(input: {
  activity: VolunteerActivityRules;
  checkInAt: Date;
  checkOutAt: Date | null;
  reason: string | null | undefined;
}): { ok: true; reason: string; serviceMinutes: number } | VolunteerRuleError {
  const { activity, checkInAt, checkOutAt } = input;
  // No service is recorded for an activity that did not take place.
  if (activity.cancelledAt) return volunteerError('activity_cancelled');
  const reason = (input.reason ?? '').trim();
  if (Array.from(reason).length < 2) return volunteerError('reason_required');
  if (Array.from(reason).length > VOLUNTEER_CORRECTION_REASON_MAX) return volunteerError('reason_too_long');

  const inWindow = volunteerCheckInWindow(activity);
  if (!within(checkInAt, inWindow)) {
    return volunteerError('outside_window', { field: 'checkInAt', opensAt: inWindow.opensAt.toISOString(), closesAt: inWindow.closesAt.toISOString() });
  }
  if (!checkOutAt) return { ok: true, reason, serviceMinutes: 0 };
  if (checkOutAt.getTime() < checkInAt.getTime()) return volunteerError('checkout_before_checkin');
  const outWindow = volunteerCheckOutWindow(activity);
  if (!within(checkOutAt, outWindow)) {
    return volunteerError('outside_window', { field: 'checkOutAt', opensAt: outWindow.opensAt.toISOString(), closesAt: outWindow.closesAt.toISOString() });
  }
  return { ok: true, reason, serviceMinutes: volunteerServiceMinutes(activity, checkInAt, checkOutAt) };
}
