import { acceptsBallotsAt, pollPhase } from './poll-phase';

const opensAt = new Date('2026-11-01T00:00:00Z');
const closesAt = new Date('2026-11-08T00:00:00Z');

describe('poll phase', () => {
  it('is scheduled before the opening time and open from it', () => {
    expect(pollPhase({ status: 'open', opensAt, closesAt }, new Date('2026-10-31T23:59:59Z'))).toBe('scheduled');
    expect(acceptsBallotsAt({ status: 'open', opensAt, closesAt }, opensAt)).toBe(true);
  });

  it('refuses ballots from the closing time on, even before the close job ran', () => {
    expect(acceptsBallotsAt({ status: 'open', opensAt, closesAt }, new Date(closesAt.getTime() - 1))).toBe(true);
    expect(acceptsBallotsAt({ status: 'open', opensAt, closesAt }, closesAt)).toBe(false);
    expect(pollPhase({ status: 'open', opensAt, closesAt }, closesAt)).toBe('closed');
  });

  it('stays closed once closed', () => {
    expect(pollPhase({ status: 'closed', opensAt, closesAt }, opensAt)).toBe('closed');
  });
});
