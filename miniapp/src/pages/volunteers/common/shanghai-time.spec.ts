import { clockMinutes, shanghaiClockText, shanghaiDateTimeText, shanghaiLocalToIso, shanghaiRangeText } from './shanghai-time';

describe('Shanghai wall-clock times', () => {
  it('shows an instant in Shanghai time, eight hours ahead of UTC', () => {
    expect(shanghaiDateTimeText('2026-11-24T01:05:00.000Z')).toBe('11月24日 09:05');
    expect(shanghaiClockText('2026-11-23T16:30:00.000Z')).toBe('00:30');
  });

  it('prints one date for a same-day activity and both for one that runs past midnight', () => {
    expect(shanghaiRangeText('2026-11-24T01:00:00.000Z', '2026-11-24T03:30:00.000Z')).toBe('11月24日 09:00–11:30');
    expect(shanghaiRangeText('2026-11-24T13:00:00.000Z', '2026-11-24T17:00:00.000Z')).toBe('11月24日 21:00 – 11月25日 01:00');
  });

  it('turns a picked Shanghai date and time into the UTC instant', () => {
    expect(shanghaiLocalToIso('2026-11-24', '09:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(shanghaiLocalToIso('2026-01-01', '07:30')).toBe('2025-12-31T23:30:00.000Z');
  });

  it('refuses malformed or impossible dates and times', () => {
    expect(shanghaiLocalToIso('2026-02-30', '09:00')).toBeNull();
    expect(shanghaiLocalToIso('2026-11-24', '25:00')).toBeNull();
    expect(shanghaiLocalToIso('24/11/2026', '09:00')).toBeNull();
  });

  it('reads a picked time as minutes since midnight, refusing impossible ones', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes(' 9:05 ')).toBe(545);
    expect(clockMinutes('23:59')).toBe(1439);
    expect(clockMinutes('24:00')).toBeNull();
    expect(clockMinutes('12:60')).toBeNull();
    expect(clockMinutes('九点')).toBeNull();
  });
});
