import { EMPTY_VOLUNTEER_ACTIVITY_FORM, toVolunteerActivityInput, type VolunteerActivityFormState } from './activity-form';

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

  it('refuses a zero capacity and a radius outside the allowed range', () => {
    expect(toVolunteerActivityInput(filled({ capacity: '0' })).errors.capacity).toBe('招募人数须为正整数');
    expect(toVolunteerActivityInput(filled({ lng: '113.26', lat: '23.13', radiusMeters: '5000' })).errors.radiusMeters).toBe('签到范围须在20米至2000米之间');
  });

  it('asks for coordinates before location check-in can be chosen', () => {
    expect(toVolunteerActivityInput(filled({ checkMethods: ['location'] })).errors.lng).toBeTruthy();
    const { input } = toVolunteerActivityInput(filled({ checkMethods: ['qr', 'location'], lng: '113.2644', lat: '23.1291', radiusMeters: '150' }));
    expect(input).toMatchObject({ place: { lng: 113.2644, lat: 23.1291 }, radiusMeters: 150 });
  });
});
