import {
  PointsLedgerEntry,
  isPointsEntryReversed,
  pointsBalance,
  pointsEarnedOnDay,
  pointsEntryFor,
  pointsReversalFor,
} from './points-ledger';

let nextId = 1;
/** Write the entry into the ledger as the database would, giving it an id. */
const store = (ledger: PointsLedgerEntry[], entry: PointsLedgerEntry | null) => {
  if (entry) ledger.push({ ...entry, id: nextId++ });
  return entry;
};
const shanghai = (local: string) => new Date(`${local}+08:00`);
const earnHours = (ledger: PointsLedgerEntry[], hours: number, at: string, sourceId: number) =>
  store(ledger, pointsEntryFor({ personId: 1, ruleCode: 'volunteer_hour', quantity: hours, ledger, now: shanghai(at), sourceType: 'attendance', sourceId }));

describe('daily caps across the Shanghai day boundary', () => {
  it('stops at the cap late in the evening and starts afresh just after midnight in Guangzhou', () => {
    const ledger: PointsLedgerEntry[] = [];
    earnHours(ledger, 6, '2025-06-07T18:00:00', 1);
    const late = earnHours(ledger, 4, '2025-06-07T23:50:00', 2);
    expect(late?.points).toBe(20);
    expect(earnHours(ledger, 1, '2025-06-07T23:59:00', 3)).toBeNull();

    const afterMidnight = earnHours(ledger, 2, '2025-06-08T00:10:00', 4);
    expect(afterMidnight).toMatchObject({ points: 20, day: '2025-06-08' });
    expect(pointsBalance(ledger)).toBe(100);
  });

  it('counts the day in Shanghai, not UTC: 16:10 UTC is already the next day', () => {
    const ledger: PointsLedgerEntry[] = [];
    store(ledger, pointsEntryFor({ personId: 1, ruleCode: 'valid_report', quantity: 3, ledger, now: new Date('2025-06-07T15:50:00Z'), sourceType: 'case', sourceId: 9 }));
    const next = pointsEntryFor({ personId: 1, ruleCode: 'valid_report', quantity: 1, ledger, now: new Date('2025-06-07T16:10:00Z'), sourceType: 'case', sourceId: 10 });
    expect(next).toMatchObject({ points: 5, day: '2025-06-08' });
  });

  it('keeps separate caps per rule', () => {
    const ledger: PointsLedgerEntry[] = [];
    const now = shanghai('2025-06-07T10:00:00');
    store(ledger, pointsEntryFor({ personId: 1, ruleCode: 'vote_cast', quantity: 5, ledger, now, sourceType: 'poll', sourceId: 1 }));
    expect(pointsEarnedOnDay(ledger, 'vote_cast', '2025-06-07')).toBe(10);
    expect(pointsEntryFor({ personId: 1, ruleCode: 'valid_report', quantity: 1, ledger, now, sourceType: 'case', sourceId: 2 })).toMatchObject({ points: 5 });
  });
});

describe('pointsReversalFor', () => {
  it('undoes an earning with a negative line on the original day, freeing that day’s cap', () => {
    const ledger: PointsLedgerEntry[] = [];
    const earned = store(ledger, pointsEntryFor({ personId: 1, ruleCode: 'valid_report', quantity: 3, ledger, now: shanghai('2025-06-07T10:00:00'), sourceType: 'case', sourceId: 5 }));
    expect(earned?.points).toBe(15);
    const stored = ledger[0];
    const reversal = pointsReversalFor(stored, shanghai('2025-06-09T09:00:00'), ledger);
    expect(reversal).toMatchObject({ points: -15, day: '2025-06-07', reversalOf: stored.id, sourceType: 'case', sourceId: 5 });
    store(ledger, reversal);
    expect(pointsBalance(ledger)).toBe(0);
    expect(pointsEarnedOnDay(ledger, 'valid_report', '2025-06-07')).toBe(0);
    expect(isPointsEntryReversed(ledger, stored.id!)).toBe(true);
  });

  it('does not undo the same line twice', () => {
    const ledger: PointsLedgerEntry[] = [];
    store(ledger, pointsEntryFor({ personId: 1, ruleCode: 'topic_approved', quantity: 1, ledger, now: shanghai('2025-06-07T10:00:00'), sourceType: 'topic', sourceId: 3 }));
    store(ledger, pointsReversalFor(ledger[0], shanghai('2025-06-07T11:00:00'), ledger));
    expect(pointsReversalFor(ledger[0], shanghai('2025-06-07T12:00:00'), ledger)).toBeNull();
    expect(pointsBalance(ledger)).toBe(0);
  });

  it('refuses to reverse a reversal or an unsaved line', () => {
    const base: PointsLedgerEntry = { personId: 1, ruleCode: 'vote_cast', points: 2, day: '2025-06-07', occurredAt: new Date(), sourceType: 'poll', sourceId: 1 };
    expect(() => pointsReversalFor({ ...base, id: 2, points: -2, reversalOf: 1 }, new Date())).toThrow(/reversal/);
    expect(() => pointsReversalFor(base, new Date())).toThrow(/id/);
  });
});
