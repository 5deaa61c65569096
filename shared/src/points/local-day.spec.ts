import { shanghaiDayStart, shanghaiLocalDay, shanghaiLocalMonth, shanghaiLocalYear } from './local-day';

describe('Shanghai calendar days', () => {
  it('moves to the next day at 16:00 UTC, which is midnight in Guangzhou', () => {
    expect(shanghaiLocalDay(new Date('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
    expect(shanghaiLocalDay(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
  });

  it('puts a New Year’s Eve evening in Guangzhou into the new year already at 16:00 UTC', () => {
    const d = new Date('2024-12-31T16:30:00Z');
    expect(shanghaiLocalDay(d)).toBe('2025-01-01');
    expect(shanghaiLocalMonth(d)).toBe('2025-01');
    expect(shanghaiLocalYear(d)).toBe('2025');
  });

  it('finds the instant a day begins, the inverse of shanghaiLocalDay', () => {
    const start = shanghaiDayStart('2025-03-02');
    expect(start.toISOString()).toBe('2025-03-01T16:00:00.000Z');
    expect(shanghaiLocalDay(start)).toBe('2025-03-02');
    expect(shanghaiLocalDay(new Date(start.getTime() - 1))).toBe('2025-03-01');
    expect(() => shanghaiDayStart('2025/03/02')).toThrow();
  });
});
