import type { VolunteerAttendanceView, VolunteerSignupView } from '@linli/shared';
import { parseVolunteerCapacity, volunteerSignupsWithoutAttendance } from './roster';

const signup = (userId: number, status: VolunteerSignupView['status']) => ({ id: userId * 10, userId, status }) as VolunteerSignupView;
const attended = (userId: number) => ({ id: userId * 100, userId }) as VolunteerAttendanceView;

describe('volunteer attendance roster', () => {
  it('lists the signed-up people who have not checked in, leaving out cancellations', () => {
    const missing = volunteerSignupsWithoutAttendance([signup(1, 'confirmed'), signup(2, 'confirmed'), signup(3, 'cancelled'), signup(4, 'waitlisted')], [attended(1)]);
    expect(missing.map((s) => s.userId)).toEqual([2, 4]);
  });

  it('reads a blank capacity as no limit and refuses zero, fractions and words', () => {
    expect(parseVolunteerCapacity(' ')).toEqual({ capacity: null });
    expect(parseVolunteerCapacity('12')).toEqual({ capacity: 12 });
    expect(parseVolunteerCapacity('1001')).toEqual({ error: expect.stringContaining('不能超过 1000') });
    for (const bad of ['0', '2.5', '十']) expect(parseVolunteerCapacity(bad)).toHaveProperty('error');
  });
});
