/**
 * Exact ratio comparisons for vote thresholds. Shares are compared by cross-multiplying integers in
 * bigint (part·d ≥ whole·n), never by dividing floats: exactly 2/3 of the area must meet "two thirds
 * or more" and exactly 1/2 must fail "more than half", and a float can land on either side.
 */
export interface VoteRatio {
  numerator: number;
  denominator: number;
}

/** `at_least` is the statute's "……以上" (inclusive, Civil Code Art. 1259); `more_than` is "过半数" (strict). */
export type VoteComparison = 'at_least' | 'more_than';

export interface VoteThreshold {
  ratio: VoteRatio;
  comparison: VoteComparison;
}

/** Whether part/whole reaches the threshold. A zero whole reaches nothing: nobody voting is no majority. */
export function meetsThreshold(part: bigint, whole: bigint, threshold: VoteThreshold): boolean {
  if (whole <= 0n) return false;
  const lhs = part * BigInt(threshold.ratio.denominator);
  const rhs = whole * BigInt(threshold.ratio.numerator);
  return threshold.comparison === 'at_least' ? lhs >= rhs : lhs > rhs;
}

/**
 * part/whole as a percentage with two decimals, rounded down so the board never shows a share larger
 * than it is (exactly 2/3 shows "66.66%"; the threshold decision itself never looks at this text).
 */
export function formatPercentFloor(part: bigint, whole: bigint): string {
  if (whole <= 0n) return '0.00%';
  const basisPoints = (part * 10_000n) / whole;
  const whole100 = basisPoints / 100n;
  const frac = (basisPoints % 100n).toString().padStart(2, '0');
  return `${whole100}.${frac}%`;
}

const CHINESE_FRACTIONS: Record<string, string> = {
  '1/2': '二分之一',
  '2/3': '三分之二',
  '3/4': '四分之三',
};

/** How a threshold reads on the bulletin board, e.g. "三分之二以上" or "过半数". */
export function describeThreshold(threshold: VoteThreshold): string {
  const { numerator, denominator } = threshold.ratio;
  if (threshold.comparison === 'more_than' && numerator * 2 === denominator) return '过半数';
  const name = CHINESE_FRACTIONS[`${numerator}/${denominator}`] ?? `${numerator}/${denominator}`;
  return threshold.comparison === 'at_least' ? `${name}以上` : `超过${name}`;
}
