import {
  cancelVolunteerSignup,
  decideVolunteerSignup,
  volunteerWaitlistPosition,
  volunteerWaitlistPromotions,
  VolunteerSignupEntry,
  VolunteerSignupStatus,
} from './signup';

const startsAt = new Date('2025-05-10T01:00:00Z'); // 09:00 in Guangzhou
const before = new Date('2025-05-09T12:00:00Z');
const activity = (capacity: number | null) => ({ startsAt, capacity });
const entry = (personId: number, status: VolunteerSignupStatus): VolunteerSignupEntry => ({ personId, status });

describe('decideVolunteerSignup', () => {
  it('confirms a sign-up while places are left', () => {
    const r = decideVolunteerSignup({ activity: activity(2), signups: [entry(1, 'confirmed')], personId: 2, now: before });
    expect(r).toEqual({ ok: true, status: 'confirmed', waitlistPosition: null });
  });

  it('puts a sign-up on the waiting list behind those already waiting once the activity is full', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'confirmed'), entry(3, 'waitlisted')];
    const r = decideVolunteerSignup({ activity: activity(2), signups, personId: 4, now: before });
    expect(r).toEqual({ ok: true, status: 'waitlisted', waitlistPosition: 2 });
  });

  it('does not count cancelled sign-ups against the capacity', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'cancelled')];
    const r = decideVolunteerSignup({ activity: activity(2), signups, personId: 3, now: before });
    expect(r).toMatchObject({ status: 'confirmed' });
  });

  it('always confirms when the activity has no capacity limit', () => {
    const signups = Array.from({ length: 50 }, (_, i) => entry(i + 1, 'confirmed'));
    expect(decideVolunteerSignup({ activity: activity(null), signups, personId: 99, now: before })).toMatchObject({
      status: 'confirmed',
    });
  });

  it('rejects a second sign-up by the same person, confirmed or waiting', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'waitlisted')];
    expect(decideVolunteerSignup({ activity: activity(1), signups, personId: 1, now: before })).toMatchObject({
      ok: false,
      error: 'duplicate_signup',
    });
    expect(decideVolunteerSignup({ activity: activity(1), signups, personId: 2, now: before })).toMatchObject({
      ok: false,
      error: 'duplicate_signup',
    });
  });

  it('lets someone who cancelled sign up again', () => {
    const signups = [entry(1, 'cancelled')];
    expect(decideVolunteerSignup({ activity: activity(1), signups, personId: 1, now: before })).toMatchObject({
      ok: true,
      status: 'confirmed',
    });
  });

  it('closes sign-up the moment the activity starts', () => {
    const r = decideVolunteerSignup({ activity: activity(5), signups: [], personId: 1, now: startsAt });
    expect(r).toMatchObject({ ok: false, error: 'signup_closed' });
    expect(r).toHaveProperty('message', '活动已开始，报名已截止');
  });

  it('refuses sign-ups to a cancelled activity even with places left', () => {
    const cancelled = { ...activity(5), cancelledAt: new Date('2025-05-09T08:00:00Z') };
    const r = decideVolunteerSignup({ activity: cancelled, signups: [], personId: 1, now: before });
    expect(r).toMatchObject({ ok: false, error: 'activity_cancelled', message: '活动已取消' });
  });
});

describe('cancelVolunteerSignup', () => {
  it('refuses withdrawing from a cancelled activity, so nobody moves up into it', () => {
    const cancelled = { ...activity(1), cancelledAt: new Date('2025-05-09T08:00:00Z') };
    const signups = [entry(1, 'confirmed'), entry(2, 'waitlisted')];
    expect(cancelVolunteerSignup({ activity: cancelled, signups, personId: 1, now: before })).toMatchObject({ ok: false, error: 'activity_cancelled' });
  });

  it('moves the longest-waiting person up when a confirmed person cancels', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'confirmed'), entry(3, 'waitlisted'), entry(4, 'waitlisted')];
    const r = cancelVolunteerSignup({ activity: activity(2), signups, personId: 1, now: before });
    expect(r).toEqual({ ok: true, freedConfirmedPlace: true, promoted: [3] });
  });

  it('moves nobody up when a waiting person cancels', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'waitlisted'), entry(3, 'waitlisted')];
    const r = cancelVolunteerSignup({ activity: activity(1), signups, personId: 2, now: before });
    expect(r).toEqual({ ok: true, freedConfirmedPlace: false, promoted: [] });
  });

  it('skips waitlisted entries that were cancelled earlier', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'cancelled'), entry(3, 'waitlisted')];
    const r = cancelVolunteerSignup({ activity: activity(1), signups, personId: 1, now: before });
    expect(r).toMatchObject({ promoted: [3] });
  });

  it('tells apart a person who never signed up from one who already cancelled', () => {
    const signups = [entry(1, 'cancelled')];
    expect(cancelVolunteerSignup({ activity: activity(1), signups, personId: 1, now: before })).toMatchObject({
      error: 'already_cancelled',
    });
    expect(cancelVolunteerSignup({ activity: activity(1), signups, personId: 2, now: before })).toMatchObject({
      error: 'not_signed_up',
    });
  });

  it('refuses cancellation once the activity has started', () => {
    const r = cancelVolunteerSignup({ activity: activity(1), signups: [entry(1, 'confirmed')], personId: 1, now: startsAt });
    expect(r).toMatchObject({ ok: false, error: 'signup_closed' });
  });
});

describe('volunteerWaitlistPromotions', () => {
  it('fills every place freed by a raised capacity, oldest first', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'waitlisted'), entry(3, 'waitlisted'), entry(4, 'waitlisted')];
    expect(volunteerWaitlistPromotions(3, signups)).toEqual([2, 3]);
  });

  it('demotes nobody when the capacity is lowered below the confirmed count', () => {
    const signups = [entry(1, 'confirmed'), entry(2, 'confirmed'), entry(3, 'waitlisted')];
    expect(volunteerWaitlistPromotions(1, signups)).toEqual([]);
  });
});

describe('volunteerWaitlistPosition', () => {
  it('counts only people still waiting ahead', () => {
    const signups = [entry(1, 'waitlisted'), entry(2, 'cancelled'), entry(3, 'confirmed'), entry(4, 'waitlisted')];
    expect(volunteerWaitlistPosition(signups, 4)).toBe(2);
    expect(volunteerWaitlistPosition(signups, 3)).toBeNull();
  });
});
