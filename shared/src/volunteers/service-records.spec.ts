import { canChangeVolunteerServiceRecord } from './service-record-status';
import {
  VolunteerServiceRecord,
  summarizeVolunteerService,
  volunteerServiceByPeriod,
  volunteerServiceByPerson,
  volunteerServiceByTheme,
} from './service-records';

const record = (over: Partial<VolunteerServiceRecord> = {}): VolunteerServiceRecord => ({
  personId: 1,
  activityId: 100,
  themeCode: 'elder_meals',
  servedAt: new Date('2025-06-07T09:00:00+08:00'),
  minutes: 60,
  status: 'certified',
  ...over,
});

describe('summarizeVolunteerService', () => {
  it('adds minutes, counts distinct people and activities, and derives hours from the total', () => {
    const records = [
      record({ personId: 1, activityId: 100, minutes: 50 }),
      record({ personId: 2, activityId: 100, minutes: 50 }),
      record({ personId: 1, activityId: 101, minutes: 50 }),
    ];
    // 150 minutes is 2.5 h; summing per-record rounded hours (0.8 each) would give 2.4.
    expect(summarizeVolunteerService(records)).toEqual({ minutes: 150, hours: 2.5, records: 3, people: 2, activities: 2 });
  });

  it('counts only certified records unless told otherwise', () => {
    const records = [record({ minutes: 60 }), record({ personId: 2, minutes: 30, status: 'pending' }), record({ personId: 3, minutes: 90, status: 'rejected' })];
    expect(summarizeVolunteerService(records).minutes).toBe(60);
    expect(summarizeVolunteerService(records, { statuses: ['certified', 'pending'] })).toMatchObject({ minutes: 90, people: 2 });
  });

  it('gives zeros for no records', () => {
    expect(summarizeVolunteerService([])).toEqual({ minutes: 0, hours: 0, records: 0, people: 0, activities: 0 });
  });
});

describe('volunteerServiceByPeriod', () => {
  it('groups by Shanghai month, so a service on the evening of the 31st UTC lands in the next month', () => {
    const records = [
      record({ servedAt: new Date('2025-05-31T17:00:00Z'), minutes: 30 }), // 1 June, 01:00 in Guangzhou
      record({ servedAt: new Date('2025-05-20T02:00:00Z'), minutes: 45 }),
      record({ servedAt: new Date('2025-06-15T02:00:00Z'), minutes: 60, personId: 2 }),
    ];
    expect(volunteerServiceByPeriod(records, 'month').map((p) => [p.period, p.minutes, p.people])).toEqual([
      ['2025-05', 45, 1],
      ['2025-06', 90, 2],
    ]);
  });

  it('groups by year, oldest first', () => {
    const records = [
      record({ servedAt: new Date('2025-03-01T02:00:00Z'), minutes: 120 }),
      record({ servedAt: new Date('2024-12-31T16:30:00Z'), minutes: 60 }), // already 2025 in Guangzhou
      record({ servedAt: new Date('2024-07-01T02:00:00Z'), minutes: 30 }),
    ];
    expect(volunteerServiceByPeriod(records, 'year').map((p) => [p.period, p.minutes, p.hours])).toEqual([
      ['2024', 30, 0.5],
      ['2025', 180, 3],
    ]);
  });
});

describe('volunteerServiceByTheme', () => {
  it('totals each theme with its Chinese label, the most served first', () => {
    const records = [
      record({ themeCode: 'environment', minutes: 30 }),
      record({ themeCode: 'elder_meals', minutes: 40 }),
      record({ themeCode: 'elder_meals', minutes: 40, personId: 2 }),
      record({ themeCode: 'civilized_travel', minutes: 30 }),
    ];
    expect(volunteerServiceByTheme(records).map((t) => [t.themeCode, t.label, t.minutes, t.people])).toEqual([
      ['elder_meals', '长者送餐', 80, 2],
      ['civilized_travel', '文明出行', 30, 1],
      ['environment', '环境整治', 30, 1],
    ]);
  });
});

describe('volunteerServiceByPerson', () => {
  it('ranks volunteers by certified minutes', () => {
    const records = [
      record({ personId: 'a', minutes: 30 }),
      record({ personId: 'b', minutes: 90 }),
      record({ personId: 'a', minutes: 30, activityId: 101 }),
      record({ personId: 'c', minutes: 500, status: 'pending' }),
    ];
    expect(volunteerServiceByPerson(records).map((p) => [p.personId, p.minutes, p.activities])).toEqual([
      ['b', 90, 1],
      ['a', 60, 2],
    ]);
  });
});

describe('service record status', () => {
  it('lets a pending record be certified or rejected, and a certified one be revoked, but never reopened', () => {
    expect(canChangeVolunteerServiceRecord('pending', 'certified')).toBe(true);
    expect(canChangeVolunteerServiceRecord('certified', 'rejected')).toBe(true);
    expect(canChangeVolunteerServiceRecord('rejected', 'certified')).toBe(false);
    expect(canChangeVolunteerServiceRecord('certified', 'pending')).toBe(false);
  });
});
