import { VOLUNTEER_QR_REFRESH, volunteerQrRefreshDelay, volunteerQrSecondsLeft } from './qr-refresh';

const at = (iso: string) => new Date(iso);

describe('volunteerQrRefreshDelay', () => {
  it('fetches the next code a few seconds before the current one expires', () => {
    const delay = volunteerQrRefreshDelay('2026-11-23T08:00:30.000Z', at('2026-11-23T08:00:10.000Z'));
    expect(delay).toBe(20_000 - VOLUNTEER_QR_REFRESH.leadMs);
  });

  it('waits at least a second when the code is about to expire', () => {
    expect(volunteerQrRefreshDelay('2026-11-23T08:00:30.000Z', at('2026-11-23T08:00:29.500Z'))).toBe(VOLUNTEER_QR_REFRESH.minMs);
  });

  it('never waits longer than the cap, even for a long-lived code', () => {
    expect(volunteerQrRefreshDelay('2026-11-23T09:00:00.000Z', at('2026-11-23T08:00:00.000Z'))).toBe(VOLUNTEER_QR_REFRESH.maxMs);
  });

  it('falls back to a steady pace when the phone clock says the fresh code has already expired', () => {
    expect(volunteerQrRefreshDelay('2026-11-23T08:00:30.000Z', at('2026-11-23T08:05:00.000Z'))).toBe(VOLUNTEER_QR_REFRESH.skewFallbackMs);
    expect(volunteerQrRefreshDelay('not a date', at('2026-11-23T08:05:00.000Z'))).toBe(VOLUNTEER_QR_REFRESH.skewFallbackMs);
  });
});

describe('volunteerQrSecondsLeft', () => {
  it('counts whole seconds up and stops at zero', () => {
    expect(volunteerQrSecondsLeft('2026-11-23T08:00:30.000Z', at('2026-11-23T08:00:10.200Z'))).toBe(20);
    expect(volunteerQrSecondsLeft('2026-11-23T08:00:30.000Z', at('2026-11-23T08:01:00.000Z'))).toBe(0);
  });
});
