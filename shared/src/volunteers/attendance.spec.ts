import { VolunteerActivityRules } from './activity';
import {
  validateVolunteerAttendanceCorrection,
  validateVolunteerCheckIn,
  validateVolunteerCheckOut,
  volunteerHoursFromMinutes,
  volunteerServiceMinutes,
  VolunteerPosition,
} from './attendance';

const place = { lng: 113.2668, lat: 23.1291 };
/** A point the given number of metres due north of the activity's place. */
const north = (meters: number, accuracyMeters?: number): VolunteerPosition => ({
  lng: place.lng,
  lat: place.lat + meters / 111_195,
  accuracyMeters,
});
const at = (hhmm: string) => new Date(`2025-06-07T${hhmm}:00+08:00`);

const activity = (over: Partial<VolunteerActivityRules> = {}): VolunteerActivityRules => ({
  startsAt: at('09:00'),
  endsAt: at('11:00'),
  capacity: 20,
  place,
  radiusMeters: 100,
  ...over,
});

describe('validateVolunteerCheckIn', () => {
  it('refuses check-in and check-out at a cancelled activity inside its window', () => {
    const cancelled = activity({ cancelledAt: at('07:00') });
    expect(validateVolunteerCheckIn({ activity: cancelled, now: at('09:10'), method: 'qr' })).toMatchObject({ ok: false, error: 'activity_cancelled' });
    const attendance = { checkInAt: at('09:00'), checkOutAt: null };
    expect(validateVolunteerCheckOut({ activity: cancelled, now: at('10:00'), method: 'qr', attendance })).toMatchObject({ ok: false, error: 'activity_cancelled' });
    expect(validateVolunteerAttendanceCorrection({ activity: cancelled, checkInAt: at('09:00'), checkOutAt: at('10:00'), reason: '忘记签到' })).toMatchObject({
      ok: false,
      error: 'activity_cancelled',
    });
  });

  it('accepts a QR check-in from half an hour before the start', () => {
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('08:30'), method: 'qr' })).toEqual({
      ok: true,
      distanceMeters: null,
    });
  });

  it('refuses check-in before the early margin and from the end onwards', () => {
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('08:29'), method: 'qr' })).toMatchObject({
      ok: false,
      error: 'outside_window',
    });
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('11:00'), method: 'qr' })).toMatchObject({
      error: 'outside_window',
    });
  });

  it('honours an activity-specific early margin', () => {
    const a = activity({ checkInEarlyMinutes: 10 });
    expect(validateVolunteerCheckIn({ activity: a, now: at('08:45'), method: 'qr' })).toMatchObject({ error: 'outside_window' });
    expect(validateVolunteerCheckIn({ activity: a, now: at('08:50'), method: 'qr' })).toMatchObject({ ok: true });
  });

  it('accepts a location check-in inside the radius and reports the distance', () => {
    const r = validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'location', position: north(80) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.distanceMeters).toBeCloseTo(80, 0);
  });

  it('refuses a location check-in outside the radius with the distances in the details', () => {
    const r = validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'location', position: north(130) });
    expect(r).toMatchObject({ ok: false, error: 'too_far', message: '您不在活动地点签到范围内', details: { distanceMeters: 130, allowedMeters: 100 } });
  });

  it('widens the radius by the reported GPS accuracy, but only up to the cap', () => {
    const a = activity();
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'location', position: north(130, 40) })).toMatchObject({ ok: true });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'location', position: north(170, 3000) })).toMatchObject({
      error: 'too_far',
    });
  });

  it('asks for the location when it is missing or impossible', () => {
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'location' })).toMatchObject({
      error: 'location_required',
    });
    expect(
      validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'location', position: { lng: Number.NaN, lat: 23 } }),
    ).toMatchObject({ error: 'invalid_location' });
  });

  it('also checks the location of a QR scan when the activity demands it', () => {
    const a = activity({ requireLocation: true });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'qr' })).toMatchObject({ error: 'location_required' });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'qr', position: north(500) })).toMatchObject({ error: 'too_far' });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'qr', position: north(20) })).toMatchObject({ ok: true });
  });

  it('refuses a method the activity does not accept, and location check-in where no place is set', () => {
    expect(validateVolunteerCheckIn({ activity: activity({ checkMethods: ['qr'] }), now: at('09:05'), method: 'location', position: north(0) })).toMatchObject({
      error: 'method_not_allowed',
    });
    expect(validateVolunteerCheckIn({ activity: activity({ place: null }), now: at('09:05'), method: 'location', position: north(0) })).toMatchObject({
      error: 'method_not_allowed',
    });
  });

  it('refuses a second check-in', () => {
    const attendance = { checkInAt: at('09:01'), checkOutAt: null };
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'qr', attendance })).toMatchObject({
      error: 'already_checked_in',
    });
  });

  it('lets only confirmed volunteers in when the activity requires a sign-up', () => {
    const a = activity({ requireConfirmedSignup: true });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'qr', signupStatus: 'waitlisted' })).toMatchObject({
      error: 'not_signed_up',
    });
    expect(validateVolunteerCheckIn({ activity: a, now: at('09:05'), method: 'qr', signupStatus: 'confirmed' })).toMatchObject({ ok: true });
    expect(validateVolunteerCheckIn({ activity: activity(), now: at('09:05'), method: 'qr', signupStatus: null })).toMatchObject({ ok: true });
  });
});

describe('validateVolunteerCheckOut', () => {
  const checkedIn = { checkInAt: at('08:50'), checkOutAt: null };

  it('checks out and counts the minutes inside the activity window only', () => {
    const r = validateVolunteerCheckOut({ activity: activity(), now: at('10:30'), method: 'qr', attendance: checkedIn });
    expect(r).toMatchObject({ ok: true, serviceMinutes: 90 });
  });

  it('refuses check-out without a check-in', () => {
    expect(validateVolunteerCheckOut({ activity: activity(), now: at('10:30'), method: 'qr', attendance: null })).toMatchObject({
      error: 'not_checked_in',
      message: '您尚未签到，无法签退',
    });
    expect(
      validateVolunteerCheckOut({ activity: activity(), now: at('10:30'), method: 'qr', attendance: { checkInAt: null, checkOutAt: null } }),
    ).toMatchObject({ error: 'not_checked_in' });
  });

  it('refuses a check-out earlier than the check-in and a second check-out', () => {
    expect(validateVolunteerCheckOut({ activity: activity(), now: at('08:40'), method: 'qr', attendance: checkedIn })).toMatchObject({
      error: 'checkout_before_checkin',
    });
    expect(
      validateVolunteerCheckOut({ activity: activity(), now: at('10:40'), method: 'qr', attendance: { checkInAt: at('09:00'), checkOutAt: at('10:00') } }),
    ).toMatchObject({ error: 'already_checked_out' });
  });

  it('still accepts a late check-out within the margin after the end, but counts only up to the end', () => {
    expect(validateVolunteerCheckOut({ activity: activity(), now: at('11:45'), method: 'qr', attendance: checkedIn })).toMatchObject({
      ok: true,
      serviceMinutes: 120,
    });
    expect(validateVolunteerCheckOut({ activity: activity(), now: at('12:01'), method: 'qr', attendance: checkedIn })).toMatchObject({
      error: 'outside_window',
    });
  });

  it('checks the location at check-out too when checking out by location', () => {
    const r = validateVolunteerCheckOut({ activity: activity(), now: at('10:30'), method: 'location', position: north(900), attendance: checkedIn });
    expect(r).toMatchObject({ error: 'too_far' });
  });
});

describe('volunteerServiceMinutes', () => {
  it('clips an early arrival and a late departure to the activity window', () => {
    expect(volunteerServiceMinutes(activity(), at('08:00'), at('12:00'))).toBe(120);
  });

  it('rounds partial minutes down', () => {
    const out = new Date(at('09:45').getTime() + 59_000);
    expect(volunteerServiceMinutes(activity(), at('09:00'), out)).toBe(45);
  });

  it('gives nothing for a stay entirely outside the window', () => {
    expect(volunteerServiceMinutes(activity(), at('08:31'), at('08:59'))).toBe(0);
  });
});

describe('volunteerHoursFromMinutes', () => {
  it('turns minutes into tenths of an hour, rounded down', () => {
    expect(volunteerHoursFromMinutes(95)).toBe(1.5);
    expect(volunteerHoursFromMinutes(120)).toBe(2);
    expect(volunteerHoursFromMinutes(5)).toBe(0);
    expect(volunteerHoursFromMinutes(-10)).toBe(0);
  });
});

describe('validateVolunteerAttendanceCorrection', () => {
  it('accepts corrected times inside the windows and keeps the trimmed reason', () => {
    const r = validateVolunteerAttendanceCorrection({ activity: activity(), checkInAt: at('09:00'), checkOutAt: at('10:15'), reason: '  手机没电，现场登记  ' });
    expect(r).toEqual({ ok: true, reason: '手机没电，现场登记', serviceMinutes: 75 });
  });

  it('demands a reason', () => {
    expect(validateVolunteerAttendanceCorrection({ activity: activity(), checkInAt: at('09:00'), checkOutAt: at('10:00'), reason: '   ' })).toMatchObject({
      error: 'reason_required',
    });
    expect(
      validateVolunteerAttendanceCorrection({ activity: activity(), checkInAt: at('09:00'), checkOutAt: at('10:00'), reason: '补'.repeat(201) }),
    ).toMatchObject({ error: 'reason_too_long' });
  });

  it('refuses corrected times outside the activity windows or out of order', () => {
    const a = activity();
    expect(validateVolunteerAttendanceCorrection({ activity: a, checkInAt: at('07:00'), checkOutAt: at('10:00'), reason: '补录签到' })).toMatchObject({
      error: 'outside_window',
      details: { field: 'checkInAt' },
    });
    expect(validateVolunteerAttendanceCorrection({ activity: a, checkInAt: at('09:00'), checkOutAt: at('15:00'), reason: '补录签退' })).toMatchObject({
      error: 'outside_window',
      details: { field: 'checkOutAt' },
    });
    expect(validateVolunteerAttendanceCorrection({ activity: a, checkInAt: at('10:00'), checkOutAt: at('09:30'), reason: '补录签退' })).toMatchObject({
      error: 'checkout_before_checkin',
    });
  });
});
