import { validateVolunteerActivityDraft, VolunteerActivityDraft } from './activity';

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
