import {
  caseFiguresMedian,
  caseFiguresRange,
  caseFiguresDefaultDays,
  CaseFiguresCase,
  caseSettledSameDay,
  caseWasOverdue,
  computeCaseFigures,
} from './figures';

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

function aCase(overrides: Partial<CaseFiguresCase> = {}): CaseFiguresCase {
  const createdAt = overrides.createdAt ?? sh('2026-11-10T09:00:00');
  return {
    status: 'submitted',
    gridId: 1,
    communityId: 10,
    leadDepartmentId: null,
    routedBy: 'auto',
    manuallyRedispatched: false,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    responseDueAt: new Date(createdAt.getTime() + 2 * HOUR),
    resolveDueAt: new Date(createdAt.getTime() + 48 * HOUR),
    ...overrides,
    createdAt,
  };
}

describe('case figures: medians', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(caseFiguresMedian([9, 1, 5])).toBe(5);
    expect(caseFiguresMedian([4, 1, 3, 10])).toBe(3.5);
  });

  it('has no median without values', () => {
    expect(caseFiguresMedian([])).toBeNull();
  });
});

describe('case figures: Shanghai days', () => {
  it('counts a case resolved before midnight in Shanghai as same-day even when UTC has already changed day', () => {
    // 07:30 and 23:50 Shanghai are different UTC days (23:30 previous day and 15:50) — same Shanghai day.
    const c = aCase({ createdAt: sh('2026-11-10T07:30:00'), status: 'resolved', acceptedAt: sh('2026-11-10T08:00:00'), resolvedAt: sh('2026-11-10T23:50:00') });
    expect(caseSettledSameDay(c)).toBe(true);
  });

  it('does not count a case resolved ten minutes after Shanghai midnight as same-day', () => {
    const c = aCase({ createdAt: sh('2026-11-10T20:00:00'), status: 'resolved', resolvedAt: sh('2026-11-11T00:10:00') });
    expect(caseSettledSameDay(c)).toBe(false);
  });

  it('turns inclusive Shanghai days into an instant range starting at Shanghai midnight', () => {
    const { start, end } = caseFiguresRange('2026-11-01', '2026-11-02');
    expect(start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-02T16:00:00.000Z');
  });

  it('defaults to the thirty Shanghai days ending today', () => {
    expect(caseFiguresDefaultDays(sh('2026-11-30T01:00:00'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});

describe('case figures: deadlines', () => {
  const now = sh('2026-11-20T12:00:00');

  it('counts a case still waiting past its response deadline as overdue, but not one inside it', () => {
    expect(caseWasOverdue(aCase({ createdAt: sh('2026-11-20T09:00:00') }), now)).toBe(true);
    expect(caseWasOverdue(aCase({ createdAt: sh('2026-11-20T11:00:00') }), now)).toBe(false);
  });

  it('counts a case resolved after its resolve deadline as overdue even though it is settled now', () => {
    const late = aCase({ status: 'closed', acceptedAt: sh('2026-11-10T09:30:00'), resolvedAt: sh('2026-11-13T09:00:00'), closedAt: sh('2026-11-13T10:00:00') });
    const onTime = aCase({ status: 'closed', acceptedAt: sh('2026-11-10T09:30:00'), resolvedAt: sh('2026-11-11T09:00:00'), closedAt: sh('2026-11-11T10:00:00') });
    expect(caseWasOverdue(late, now)).toBe(true);
    expect(caseWasOverdue(onTime, now)).toBe(false);
  });

  it('does not hold the resolve deadline against a case rejected in time', () => {
    const rejected = aCase({ status: 'rejected', closedAt: sh('2026-11-10T10:00:00') });
    expect(caseWasOverdue(rejected, now)).toBe(false);
  });
});

describe('computeCaseFigures', () => {
  const now = sh('2026-11-20T12:00:00');
  const groups = [
    { id: 2, name: '第2网格' },
    { id: 1, name: '第1网格' },
  ];

  it('lists every grid, also one without cases, with zero counts and no rates', () => {
    const { rows } = computeCaseFigures('grid', groups, [aCase({ gridId: 1 })], now);
    expect(rows.map((r) => [r.groupId, r.total])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const empty = rows[1];
    expect(empty).toMatchObject({ sameDayResolvedRate: null, autoForwardRate: null, medianAcceptMinutes: null, medianResolveMinutes: null, satisfactionRate: null, overdue: 0 });
    expect(Object.values(empty.byStatus).every((n) => n === 0)).toBe(true);
  });

  it('computes the rates of a grid from its own cases only', () => {
    const cases = [
      // grid 1: resolved the same day, rated 5, accepted after 30 min, resolved after 5 h
      aCase({ gridId: 1, status: 'closed', acceptedAt: sh('2026-11-10T09:30:00'), resolvedAt: sh('2026-11-10T14:00:00'), closedAt: sh('2026-11-10T15:00:00'), rating: 5 }),
      // grid 1: re-dispatched by hand, accepted after 90 min, resolved the next day, rated 2
      aCase({ gridId: 1, status: 'closed', manuallyRedispatched: true, acceptedAt: sh('2026-11-10T10:30:00'), resolvedAt: sh('2026-11-11T09:00:00'), closedAt: sh('2026-11-11T10:00:00'), rating: 2 }),
      // grid 1: rejected — counted in the status breakdown, not in the rates
      aCase({ gridId: 1, status: 'rejected', closedAt: sh('2026-11-10T09:10:00') }),
      // grid 2: routed to a dispatcher, still in progress
      aCase({ gridId: 2, status: 'in_progress', routedBy: 'dispatcher', acceptedAt: sh('2026-11-10T12:00:00') }),
    ];
    const { rows, total } = computeCaseFigures('grid', groups, cases, now);
    const grid1 = rows.find((r) => r.groupId === 1)!;
    expect(grid1).toMatchObject({
      total: 3,
      sameDayResolvedRate: 0.5,
      autoForwardRate: 0.5,
      medianAcceptMinutes: 60,
      medianResolveMinutes: (300 + 1440) / 2,
      satisfactionRate: 0.5,
      rated: 2,
      overdue: 0,
    });
    expect(grid1.byStatus).toMatchObject({ closed: 2, rejected: 1, submitted: 0 });
    const grid2 = rows.find((r) => r.groupId === 2)!;
    expect(grid2).toMatchObject({ total: 1, autoForwardRate: 0, sameDayResolvedRate: 0, medianAcceptMinutes: 180, overdue: 1 });
    expect(total).toMatchObject({ total: 4, rated: 2, overdue: 1 });
    expect(total.autoForwardRate).toBeCloseTo(1 / 3, 3);
  });

  it('puts cases outside every listed group in a last row of their own', () => {
    const { rows } = computeCaseFigures('department', [{ id: 7, name: '城管' }], [aCase({ leadDepartmentId: 7 }), aCase({ leadDepartmentId: null }), aCase({ leadDepartmentId: 99 })], now);
    expect(rows.map((r) => [r.groupId, r.groupName, r.total])).toEqual([
      [7, '城管', 1],
      [null, '未派部门', 2],
    ]);
  });
});
