import { discussionEndsAt, formatShanghaiTime, timeLeft } from './deliberation-time';

describe('deliberation times', () => {
  it('prints instants on Beijing time, across the date line', () => {
    expect(formatShanghaiTime('2026-11-23T17:30:00.000Z')).toBe('2026-11-24 01:30');
    expect(formatShanghaiTime('not a time')).toBe('not a time');
  });

  it('says how long is left in days and hours, hours and minutes, or that it has ended', () => {
    const now = new Date('2026-11-23T00:00:00.000Z');
    expect(timeLeft('2026-11-25T03:00:00.000Z', now)).toBe('还剩 2 天 3 小时');
    expect(timeLeft('2026-11-23T01:15:00.000Z', now)).toBe('还剩 1 小时 15 分钟');
    expect(timeLeft('2026-11-23T00:00:20.000Z', now)).toBe('还剩 1 分钟');
    expect(timeLeft('2026-11-22T23:00:00.000Z', now)).toBe('已截止');
  });

  it('ends a discussion whole days from now', () => {
    expect(discussionEndsAt(new Date('2026-11-23T06:00:00.000Z'), 7)).toBe('2026-11-30T06:00:00.000Z');
  });
});
