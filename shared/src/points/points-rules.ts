/**
 * Contribution points (积分) rules as data. Each rule says what earns points, how many per unit and how much a
 * person can earn from it in one Shanghai calendar day — caps keep the ranking about contribution rather than
 * about tapping the same button. Changing the scheme is changing this table.
 */
export interface PointsRule {
  code: string;
  label: string;
  /** Points per unit; units are hours for service time and single occurrences otherwise. */
  pointsPerUnit: number;
  unit: 'hour' | 'occurrence';
  /** Most points from this rule per person per day; null = no cap. */
  dailyCap: number | null;
}

export const POINTS_RULES = {
  volunteer_hour: { code: 'volunteer_hour', label: '志愿服务时长', pointsPerUnit: 10, unit: 'hour', dailyCap: 80 },
  valid_report: { code: 'valid_report', label: '随手拍有效上报', pointsPerUnit: 5, unit: 'occurrence', dailyCap: 15 },
  vote_cast: { code: 'vote_cast', label: '参与议事投票', pointsPerUnit: 2, unit: 'occurrence', dailyCap: 10 },
  topic_approved: { code: 'topic_approved', label: '议题通过审核', pointsPerUnit: 5, unit: 'occurrence', dailyCap: null },
  suggestion_adopted: { code: 'suggestion_adopted', label: '建议被采纳', pointsPerUnit: 10, unit: 'occurrence', dailyCap: null },
  party_check_in: { code: 'party_check_in', label: '党员到社区报到', pointsPerUnit: 20, unit: 'occurrence', dailyCap: 20 },
} as const satisfies Record<string, PointsRule>;

export type PointsRuleCode = keyof typeof POINTS_RULES;

export function isPointsRuleCode(value: unknown): value is PointsRuleCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POINTS_RULES, value);
}

/**
 * Points actually awarded for `quantity` units (hours may be fractional) when `alreadyEarnedToday` points
 * from the same rule were earned earlier that day. Whole points only, rounded down; never negative.
 */
export function awardPoints(rule: PointsRule, quantity: number, alreadyEarnedToday: number): number {
  if (!(quantity > 0)) return 0;
  // The epsilon keeps binary fractions (0.57 × 100 = 56.999…) from losing a point.
  const raw = Math.floor(rule.pointsPerUnit * quantity + 1e-9);
  if (rule.dailyCap === null) return raw;
  const room = Math.max(0, rule.dailyCap - Math.max(0, alreadyEarnedToday));
  return Math.min(raw, room);
}
