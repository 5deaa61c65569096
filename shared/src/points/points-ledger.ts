import { shanghaiLocalDay } from './local-day';
import { POINTS_RULES, PointsRuleCode, awardPoints } from './points-rules';

/**
 * One line of a person's points ledger. Lines are never edited or deleted: a rejected contribution is undone
 * by a reversal line, so the history explains every balance.
 */
export interface PointsLedgerEntry {
  id?: number | string;
  personId: number | string;
  ruleCode: PointsRuleCode;
  /** Positive when earned, negative for a reversal. */
  points: number;
  /** The Shanghai day the points count toward for the daily cap; a reversal keeps the day of what it undoes. */
  day: string;
  occurredAt: Date;
  /** What earned the points (e.g. 'attendance' 17), so rejecting it finds the line to reverse. */
  sourceType: string;
  sourceId: number | string;
  /** For a reversal, the id of the line it undoes. */
  reversalOf?: number | string | null;
}

/** A person's balance: the sum of all their lines. */
export function pointsBalance(ledger: readonly Pick<PointsLedgerEntry, 'points'>[]): number {
  return ledger.reduce((sum, e) => sum + e.points, 0);
}

/**
 * What one person has net-earned from a rule on a day, reversals included — the `alreadyEarnedToday` that
 * awardPoints needs. Pass that person's lines.
 */
export function pointsEarnedOnDay(ledger: readonly PointsLedgerEntry[], ruleCode: PointsRuleCode, day: string): number {
  const net = ledger.filter((e) => e.ruleCode === ruleCode && e.day === day).reduce((sum, e) => sum + e.points, 0);
  return Math.max(0, net);
}

/**
 * The line to write when someone earns points, honouring the daily cap; null when nothing is awarded (cap
 * reached or too little), so no empty lines clutter the ledger.
 */
export function pointsEntryFor(input: {
  personId: number | string;
  ruleCode: PointsRuleCode;
  quantity: number;
  ledger: readonly PointsLedgerEntry[];
  now: Date;
  sourceType: string;
  sourceId: number | string;
}): PointsLedgerEntry | null {
  const day = shanghaiLocalDay(input.now);
  const points = awardPoints(POINTS_RULES[input.ruleCode], input.quantity, pointsEarnedOnDay(input.ledger, input.ruleCode, day));
  if (points <= 0) return null;
  return {
    personId: input.personId,
    ruleCode: input.ruleCode,
    points,
    day,
    occurredAt: input.now,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    reversalOf: null,
  };
}

/** Whether a line has already been undone. */
export function isPointsEntryReversed(ledger: readonly PointsLedgerEntry[], entryId: number | string): boolean {
  return ledger.some((e) => e.reversalOf === entryId);
}

/**
 * The negative line that undoes an earning when the thing that earned it is rejected (report found invalid,
 * attendance revoked). Null when there is nothing to undo: a zero line, or one already reversed in `ledger`.
 * Reversing a reversal is a programming error.
 */
export function pointsReversalFor(
  entry: PointsLedgerEntry,
  now: Date,
  ledger: readonly PointsLedgerEntry[] = [],
): PointsLedgerEntry | null {
  if (entry.reversalOf !== undefined && entry.reversalOf !== null) throw new Error('A reversal cannot itself be reversed');
  if (entry.id === undefined) throw new Error('Only a stored ledger line (with an id) can be reversed');
  if (entry.points <= 0 || isPointsEntryReversed(ledger, entry.id)) return null;
  return {
    personId: entry.personId,
    ruleCode: entry.ruleCode,
    points: -entry.points,
    day: entry.day,
    occurredAt: now,
    sourceType: entry.sourceType,
    sourceId: entry.sourceId,
    reversalOf: entry.id,
  };
}
