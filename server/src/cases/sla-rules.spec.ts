import { CaseStatus } from '@linli/shared';
import { caseSlaActionsDue, CaseSlaFacts } from './sla-rules';

const now = new Date('2026-11-20T04:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const hoursAhead = (h: number) => new Date(now.getTime() + h * 3_600_000);

function facts(status: CaseStatus, overrides: Partial<CaseSlaFacts> = {}): CaseSlaFacts {
  return { status, responseDueAt: hoursAhead(1), resolveDueAt: hoursAhead(24), resolvedAt: null, rating: null, ...overrides };
}

describe('caseSlaActionsDue', () => {
  it('reminds the handler of a case still unaccepted past its response deadline, without escalating it', () => {
    expect(caseSlaActionsDue(facts('submitted', { responseDueAt: hoursAgo(1) }), {}, now, 7)).toEqual(['remind_response']);
  });

  it('does nothing before the deadlines', () => {
    for (const status of ['submitted', 'accepted', 'in_progress', 'dispatched'] as const) {
      expect(caseSlaActionsDue(facts(status), {}, now, 7)).toEqual([]);
    }
  });

  it('reminds and escalates a case in handling past its resolve deadline', () => {
    for (const status of ['accepted', 'dispatched', 'in_progress', 'returned', 'reopened'] as const) {
      expect(caseSlaActionsDue(facts(status, { responseDueAt: hoursAgo(30), resolveDueAt: hoursAgo(1) }), {}, now, 7)).toEqual(['remind_resolve', 'escalate']);
    }
  });

  it('reminds and escalates a case nobody accepted past both deadlines', () => {
    expect(caseSlaActionsDue(facts('submitted', { responseDueAt: hoursAgo(30), resolveDueAt: hoursAgo(1) }), {}, now, 7)).toEqual(['remind_response', 'remind_resolve', 'escalate']);
  });

  it('leaves out what was already done', () => {
    const late = facts('in_progress', { resolveDueAt: hoursAgo(5) });
    expect(caseSlaActionsDue(late, { resolveOverdueAt: hoursAgo(4) }, now, 7)).toEqual(['escalate']);
    expect(caseSlaActionsDue(late, { resolveOverdueAt: hoursAgo(4), escalatedAt: hoursAgo(4) }, now, 7)).toEqual([]);
  });

  it('never chases a resolved, closed or rejected case for handling', () => {
    for (const status of ['resolved', 'closed', 'rejected'] as const) {
      const actions = caseSlaActionsDue(facts(status, { responseDueAt: hoursAgo(50), resolveDueAt: hoursAgo(40), resolvedAt: hoursAgo(1) }), {}, now, 7);
      expect(actions).toEqual([]);
    }
  });

  it('closes a resolved case left unrated for the configured number of days, not a day earlier', () => {
    expect(caseSlaActionsDue(facts('resolved', { resolvedAt: hoursAgo(7 * 24) }), {}, now, 7)).toEqual(['auto_close']);
    expect(caseSlaActionsDue(facts('resolved', { resolvedAt: hoursAgo(7 * 24 - 1) }), {}, now, 7)).toEqual([]);
    expect(caseSlaActionsDue(facts('resolved', { resolvedAt: hoursAgo(3 * 24) }), {}, now, 3)).toEqual(['auto_close']);
  });
});
