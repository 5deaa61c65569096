import type { VolunteerActivityView, VolunteerAttendanceView } from '@linli/shared';
import { toVolunteerCorrection, volunteerCorrectionStart } from './correction-form';

const activity = {
  id: 3, startsAt: '2026-11-24T01:00:00.000Z', endsAt: '2026-11-24T03:00:00.000Z', capacity: null,
} as VolunteerActivityView;

const attendance = { id: 8, checkInAt: '2026-11-24T01:12:00.000Z', checkOutAt: null } as VolunteerAttendanceView;

describe('volunteer attendance correction form', () => {
  it('starts from the recorded check-in and the activity end for a missing check-out', () => {
    expect(volunteerCorrectionStart(activity, attendance)).toEqual({ checkIn: '09:12', checkOut: '11:00', reason: '' });
  });

  it('sends the times on the activity day and says how many minutes they make', () => {
    const result = toVolunteerCorrection(activity, { checkIn: '09:00', checkOut: '10:30', reason: '手机没电未能签退' });
    expect(result).toEqual({
      input: { checkInAt: '2026-11-24T01:00:00.000Z', checkOutAt: '2026-11-24T02:30:00.000Z', reason: '手机没电未能签退' },
      minutes: 90,
    });
  });

  it('requires a reason', () => {
    expect(toVolunteerCorrection(activity, { checkIn: '09:00', checkOut: '10:00', reason: ' ' })).toEqual({ error: '请填写修改原因' });
  });

  it('refuses a check-out before the check-in and unreadable times', () => {
    expect(toVolunteerCorrection(activity, { checkIn: '10:00', checkOut: '09:30', reason: '补录' })).toEqual({ error: '签退时间不能早于签到时间' });
    expect(toVolunteerCorrection(activity, { checkIn: '九点', checkOut: '', reason: '补录' })).toEqual({ error: '请按“时:分”填写时间，如 09:05' });
  });
});
