import type { VolunteerActivityView } from '@linli/shared';
import {
  EMPTY_VOLUNTEER_ACTIVITY_FORM,
  endsNextDay,
  toVolunteerActivityEdit,
  toVolunteerActivityInput,
  volunteerActivityFormFrom,
  type VolunteerActivityFormState,
} from './activity-form';

const filled = (patch: Partial<VolunteerActivityFormState> = {}): VolunteerActivityFormState => ({
  ...EMPTY_VOLUNTEER_ACTIVITY_FORM,
  title: '楼道杂物清理',
  themeCode: 'environment',
  date: '2026-11-28',
  startTime: '09:00',
  endTime: '11:30',
  placeName: '小北社区广场',
  ...patch,
});

describe('toVolunteerActivityInput', () => {
  it('builds the request with Shanghai times as UTC instants and no limit when capacity is blank', () => {
    const { input, errors } = toVolunteerActivityInput(filled());
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      title: '楼道杂物清理',
      startsAt: '2026-11-28T01:00:00.000Z',
      endsAt: '2026-11-28T03:30:00.000Z',
      capacity: null,
      place: null,
      checkMethods: ['qr'],
    });
  });

  it('names the missing fields in Chinese', () => {
    const { input, errors } = toVolunteerActivityInput(EMPTY_VOLUNTEER_ACTIVITY_FORM);
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['date', 'placeName', 'themeCode', 'title']);
  });

  it('refuses an end before the start with the shared rule message', () => {
    const { errors } = toVolunteerActivityInput(filled({ startTime: '10:00', endTime: '09:00' }));
    expect(errors.endTime).toBe('活动结束时间必须晚于开始时间');
  });

  it('ends a night activity on the next day, but takes an end just before the start for a slip', () => {
    expect(toVolunteerActivityInput(filled({ startTime: '22:00', endTime: '00:30' })).input).toMatchObject({
      startsAt: '2026-11-28T14:00:00.000Z',
      endsAt: '2026-11-28T16:30:00.000Z',
    });
    expect(endsNextDay({ startTime: '22:00', endTime: '00:30' })).toBe(true);
    expect(endsNextDay({ startTime: '10:00', endTime: '09:00' })).toBe(false);
    expect(endsNextDay({ startTime: '09:00', endTime: '09:00' })).toBe(false);
    expect(toVolunteerActivityInput(filled({ startTime: '09:00', endTime: '09:00' })).errors.endTime).toBe('活动结束时间必须晚于开始时间');
  });

  it('refuses a zero capacity and a radius outside the allowed range', () => {
    expect(toVolunteerActivityInput(filled({ capacity: '0' })).errors.capacity).toBe('招募人数须为 1 至 1000 之间的整数');
    expect(toVolunteerActivityInput(filled({ lng: '113.26', lat: '23.13', radiusMeters: '5000' })).errors.radiusMeters).toBe('签到范围须在20米至2000米之间');
  });

  it('asks for coordinates before location check-in can be chosen', () => {
    expect(toVolunteerActivityInput(filled({ checkMethods: ['location'] })).errors.lng).toBeTruthy();
    const { input } = toVolunteerActivityInput(filled({ checkMethods: ['qr', 'location'], lng: '113.2644', lat: '23.1291', radiusMeters: '150' }));
    expect(input).toMatchObject({ place: { lng: 113.2644, lat: 23.1291 }, radiusMeters: 150 });
  });
});

describe('editing a published activity', () => {
  const published: VolunteerActivityView = {
    id: 4, communityId: 1, title: '长者饭堂送餐', themeCode: 'elder_meals', themeLabel: '长者助餐', description: null, requirements: '自备电动车',
    organizerKind: 'community_committee', organizerName: '小北社区居民委员会', startsAt: '2026-11-28T01:00:00.000Z', endsAt: '2026-11-28T03:30:00.000Z',
    placeName: '社区长者饭堂', place: { lng: 113.2644, lat: 23.1291 }, radiusMeters: 150, capacity: 6, checkMethods: ['qr', 'location'],
    requireLocation: false, requireConfirmedSignup: false, confirmedCount: 2, waitlistCount: 0, mySignup: null, myAttendance: null,
    cancelledAt: null, cancelReason: null,
  };

  it('fills the form with the activity’s Shanghai date and times, and sends back the same instants unchanged', () => {
    const form = volunteerActivityFormFrom(published);
    expect(form).toMatchObject({ date: '2026-11-28', startTime: '09:00', endTime: '11:30', requirements: '自备电动车', radiusMeters: '150', capacity: '6' });
    const { input, errors } = toVolunteerActivityEdit(form);
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: '长者饭堂送餐',
      themeCode: 'elder_meals',
      description: null,
      requirements: '自备电动车',
      startsAt: published.startsAt,
      endsAt: published.endsAt,
      placeName: '社区长者饭堂',
      place: published.place,
      radiusMeters: 150,
    });
  });

  it('leaves capacity and check methods out of the edit and still refuses an end before the start', () => {
    const form = { ...volunteerActivityFormFrom(published), capacity: '3', endTime: '08:00' };
    const { input, errors } = toVolunteerActivityEdit(form);
    expect(input).toBeUndefined();
    expect(errors.endTime).toBe('活动结束时间必须晚于开始时间');
    const fixed = toVolunteerActivityEdit({ ...form, endTime: '10:00' }).input!;
    expect(fixed).not.toHaveProperty('capacity');
    expect(fixed).not.toHaveProperty('checkMethods');
  });

  it('keeps a night activity past midnight when it is edited', () => {
    const night = { ...published, startsAt: '2026-11-28T14:00:00.000Z', endsAt: '2026-11-28T16:30:00.000Z' };
    const form = volunteerActivityFormFrom(night);
    expect(form).toMatchObject({ date: '2026-11-28', startTime: '22:00', endTime: '00:30' });
    expect(toVolunteerActivityEdit(form).input).toMatchObject({ startsAt: night.startsAt, endsAt: night.endsAt });
  });
});
