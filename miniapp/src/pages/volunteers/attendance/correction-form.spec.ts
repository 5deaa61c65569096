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

  describe('an activity that runs past midnight (22:45–00:45)', () => {
    const lateActivity = {
      id: 4, startsAt: '2026-11-23T14:45:00.000Z', endsAt: '2026-11-23T16:45:00.000Z', capacity: null,
    } as VolunteerActivityView;

    it('places times after midnight on the next day', () => {
      expect(toVolunteerCorrection(lateActivity, { checkIn: '22:45', checkOut: '00:45', reason: '现场网络中断' })).toEqual({
        input: { checkInAt: '2026-11-23T14:45:00.000Z', checkOutAt: '2026-11-23T16:45:00.000Z', reason: '现场网络中断' },
        minutes: 120,
      });
      expect(toVolunteerCorrection(lateActivity, { checkIn: '00:10', checkOut: '00:40', reason: '迟到补录' })).toEqual({
        input: { checkInAt: '2026-11-23T16:10:00.000Z', checkOutAt: '2026-11-23T16:40:00.000Z', reason: '迟到补录' },
        minutes: 30,
      });
    });

    it('still refuses a check-out before the check-in and a time outside the windows', () => {
      expect(toVolunteerCorrection(lateActivity, { checkIn: '23:30', checkOut: '23:00', reason: '补录' })).toEqual({ error: '签退时间不能早于签到时间' });
      expect(toVolunteerCorrection(lateActivity, { checkIn: '12:00', checkOut: '', reason: '补录' })).toEqual({ error: '当前不在活动签到签退时间内' });
      expect(toVolunteerCorrection(lateActivity, { checkIn: '23:00', checkOut: '02:30', reason: '补录' })).toEqual({ error: '当前不在活动签到签退时间内' });
    });
  });
});
