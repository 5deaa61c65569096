import type { VolunteerActivityView, VolunteerAttendanceView, VolunteerSignupView } from '@linli/shared';
import { volunteerActivityActions, volunteerCapacityText } from './activity-state';

const START = '2026-11-24T01:00:00.000Z';
const END = '2026-11-24T03:00:00.000Z';

function activity(patch: Partial<VolunteerActivityView> = {}): VolunteerActivityView {
  return {
    id: 1, communityId: 1, title: '楼道杂物清理', themeCode: 'environment', themeLabel: '环境整治', description: null, requirements: null,
    organizerKind: 'community_committee', organizerName: '小北社区居民委员会', startsAt: START, endsAt: END, placeName: '社区广场',
    place: null, radiusMeters: null, capacity: 2, checkMethods: ['qr'], requireLocation: false, requireConfirmedSignup: false,
    confirmedCount: 0, waitlistCount: 0, mySignup: null, myAttendance: null, cancelledAt: null, cancelReason: null, ...patch,
  };
}

function signup(patch: Partial<VolunteerSignupView>): VolunteerSignupView {
  return { id: 9, activityId: 1, userId: 5, name: '李淑俊', status: 'confirmed', waitlistPosition: null, queuedAt: '2026-11-20T00:00:00.000Z', ...patch };
}

function attendance(patch: Partial<VolunteerAttendanceView>): VolunteerAttendanceView {
  return {
    id: 3, activityId: 1, userId: 5, name: '李淑俊', checkInAt: null, checkInMethod: null, checkOutAt: null, checkOutMethod: null,
    minutes: 0, hours: 0, corrections: [], serviceRecord: null, ...patch,
  };
}

const at = (iso: string) => new Date(iso);

describe('volunteerActivityActions', () => {
  it('lets a person sign up before the start, and cancel once signed up', () => {
    const before = at('2026-11-23T12:00:00.000Z');
    expect(volunteerActivityActions(activity(), before)).toMatchObject({ phase: 'upcoming', canSignUp: true, canCancel: false, signupText: null });
    expect(volunteerActivityActions(activity({ mySignup: signup({}) }), before)).toMatchObject({ canSignUp: false, canCancel: true, signupText: '已报名' });
  });

  it('shows the place on the waiting list', () => {
    const a = activity({ confirmedCount: 2, waitlistCount: 3, mySignup: signup({ status: 'waitlisted', waitlistPosition: 2 }) });
    const actions = volunteerActivityActions(a, at('2026-11-23T12:00:00.000Z'));
    expect(actions.signupText).toBe('候补第 2 位');
    expect(actions.full).toBe(true);
  });

  it('lets someone who cancelled sign up again', () => {
    const actions = volunteerActivityActions(activity({ mySignup: signup({ status: 'cancelled' }) }), at('2026-11-23T12:00:00.000Z'));
    expect(actions).toMatchObject({ canSignUp: true, canCancel: false, signupText: '已取消' });
  });

  it('opens check-in half an hour before the start and closes sign-up at the start', () => {
    expect(volunteerActivityActions(activity(), at('2026-11-24T00:29:00.000Z')).checkInOpen).toBe(false);
    const early = volunteerActivityActions(activity(), at('2026-11-24T00:31:00.000Z'));
    expect(early).toMatchObject({ checkInOpen: true, canSignUp: true });
    const running = volunteerActivityActions(activity(), at('2026-11-24T01:10:00.000Z'));
    expect(running).toMatchObject({ phase: 'running', canSignUp: false, checkInOpen: true, checkOutOpen: true });
  });

  it('keeps check-out open for a while after the end, but not check-in', () => {
    const after = volunteerActivityActions(activity(), at('2026-11-24T03:30:00.000Z'));
    expect(after).toMatchObject({ phase: 'ended', checkInOpen: false, checkOutOpen: true });
    expect(volunteerActivityActions(activity(), at('2026-11-24T04:30:00.000Z')).checkOutOpen).toBe(false);
  });

  it('says 已签到 after a reload and keeps the on-site panel, then 已签退 and nothing more to do', () => {
    const running = at('2026-11-24T01:10:00.000Z');
    const checkedIn = volunteerActivityActions(activity({ myAttendance: attendance({ checkInAt: '2026-11-24T00:55:00.000Z', checkInMethod: 'qr' }) }), running);
    expect(checkedIn).toMatchObject({ attendanceText: '已签到', checkOutOpen: true });
    const done = volunteerActivityActions(
      activity({ myAttendance: attendance({ checkInAt: '2026-11-24T00:55:00.000Z', checkOutAt: '2026-11-24T01:05:00.000Z', minutes: 5 }) }),
      running,
    );
    expect(done).toMatchObject({ attendanceText: '已签退', checkInOpen: false, checkOutOpen: false });
    expect(volunteerActivityActions(activity(), running).attendanceText).toBeNull();
  });

  it('closes sign-up, check-in and the organiser’s changes once the activity is cancelled', () => {
    const cancelled = activity({ cancelledAt: '2026-11-23T10:00:00.000Z', cancelReason: '暴雨预警', mySignup: signup({}) });
    const before = volunteerActivityActions(cancelled, at('2026-11-23T12:00:00.000Z'));
    expect(before).toMatchObject({ phase: 'cancelled', canSignUp: false, canCancel: false, canChange: false });
    const inWindow = volunteerActivityActions(cancelled, at('2026-11-24T01:10:00.000Z'));
    expect(inWindow).toMatchObject({ checkInOpen: false, checkOutOpen: false });
    expect(volunteerActivityActions(activity(), at('2026-11-23T12:00:00.000Z')).canChange).toBe(true);
    expect(volunteerActivityActions(activity(), at('2026-11-24T01:00:00.000Z')).canChange).toBe(false);
  });
});

describe('volunteerCapacityText', () => {
  it('counts against the limit and mentions the waiting list only when someone waits', () => {
    expect(volunteerCapacityText({ capacity: 20, confirmedCount: 12, waitlistCount: 0 })).toBe('已报名 12 / 20 人');
    expect(volunteerCapacityText({ capacity: 20, confirmedCount: 20, waitlistCount: 3 })).toBe('已报名 20 / 20 人，候补 3 人');
    expect(volunteerCapacityText({ capacity: null, confirmedCount: 7, waitlistCount: 0 })).toBe('已报名 7 人（不限人数）');
  });
});
