import {
  validateVolunteerActivityChange,
  validateVolunteerActivityDraft,
  validateVolunteerCancelReason,
  VOLUNTEER_CANCEL_REASON_MAX,
  VolunteerActivityDraft,
} from './activity';

const draft = (over: Partial<VolunteerActivityDraft> = {}): VolunteerActivityDraft => ({
  themeCode: 'elder_meals',
  startsAt: new Date('2025-03-08T01:00:00Z'),
  endsAt: new Date('2025-03-08T03:00:00Z'),
  capacity: 10,
  place: { lng: 113.2668, lat: 23.1291 },
  radiusMeters: 150,
  ...over,
});

describe('validateVolunteerActivityDraft', () => {
  it('accepts a well-formed activity, with or without a capacity limit', () => {
    expect(validateVolunteerActivityDraft(draft())).toEqual({ ok: true });
    expect(validateVolunteerActivityDraft(draft({ capacity: null }))).toEqual({ ok: true });
  });

  it('refuses an activity that ends before or when it starts', () => {
    const r = validateVolunteerActivityDraft(draft({ endsAt: new Date('2025-03-08T01:00:00Z') }));
    expect(r).toMatchObject({ ok: false, error: 'invalid_time_range' });
  });

  it('refuses a zero or fractional capacity', () => {
    expect(validateVolunteerActivityDraft(draft({ capacity: 0 }))).toMatchObject({ error: 'invalid_capacity' });
    expect(validateVolunteerActivityDraft(draft({ capacity: 2.5 }))).toMatchObject({ error: 'invalid_capacity' });
  });

  it('refuses a check-in radius too small for GPS or too large to mean anything', () => {
    expect(validateVolunteerActivityDraft(draft({ radiusMeters: 5 }))).toMatchObject({ error: 'invalid_radius' });
    expect(validateVolunteerActivityDraft(draft({ radiusMeters: 5000 }))).toMatchObject({ error: 'invalid_radius' });
  });

  it('refuses an unknown theme and an impossible place', () => {
    expect(validateVolunteerActivityDraft(draft({ themeCode: 'karaoke' }))).toMatchObject({ error: 'unknown_theme' });
    expect(validateVolunteerActivityDraft(draft({ place: { lng: 181, lat: 23 } }))).toMatchObject({ error: 'invalid_location' });
  });
});

describe('validateVolunteerActivityChange', () => {
  const startsAt = new Date('2025-03-08T01:00:00Z');

  it('lets the organiser change an activity until the minute it starts', () => {
    expect(validateVolunteerActivityChange({ activity: { startsAt }, now: new Date('2025-03-08T00:59:00Z') })).toEqual({ ok: true });
  });

  it('refuses changes once the activity has started', () => {
    const r = validateVolunteerActivityChange({ activity: { startsAt }, now: startsAt });
    expect(r).toMatchObject({ ok: false, error: 'activity_started' });
  });

  it('refuses changes to a cancelled activity even before its start', () => {
    const cancelledAt = new Date('2025-03-07T08:00:00Z');
    const r = validateVolunteerActivityChange({ activity: { startsAt, cancelledAt }, now: new Date('2025-03-07T09:00:00Z') });
    expect(r).toMatchObject({ ok: false, error: 'activity_cancelled', details: { cancelledAt: cancelledAt.toISOString() } });
  });
});

describe('validateVolunteerCancelReason', () => {
  it('keeps the trimmed reason', () => {
    expect(validateVolunteerCancelReason('  暴雨预警  ')).toEqual({ ok: true, reason: '暴雨预警' });
  });

  it('demands a reason that is not blank', () => {
    expect(validateVolunteerCancelReason('   ')).toMatchObject({ ok: false, error: 'cancel_reason_required' });
    expect(validateVolunteerCancelReason(undefined)).toMatchObject({ ok: false, error: 'cancel_reason_required' });
  });

  it('refuses a reason longer than the limit, counting characters not bytes', () => {
    expect(validateVolunteerCancelReason('雨'.repeat(VOLUNTEER_CANCEL_REASON_MAX))).toMatchObject({ ok: true });
    expect(validateVolunteerCancelReason('雨'.repeat(VOLUNTEER_CANCEL_REASON_MAX + 1))).toMatchObject({ ok: false, error: 'cancel_reason_too_long' });
  });
});
