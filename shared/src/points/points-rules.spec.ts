import { POINTS_RULES, PointsRule, awardPoints, isPointsRuleCode } from './points-rules';

describe('awardPoints', () => {
  it('pays the rule’s points per unit while under the daily cap', () => {
    expect(awardPoints(POINTS_RULES.valid_report, 1, 0)).toBe(5);
    expect(awardPoints(POINTS_RULES.volunteer_hour, 2, 0)).toBe(20);
  });

  it('pays fractional service hours in whole points, rounded down', () => {
    expect(awardPoints(POINTS_RULES.volunteer_hour, 1.5, 0)).toBe(15);
    expect(awardPoints(POINTS_RULES.volunteer_hour, 0.05, 0)).toBe(0);
    const hundred: PointsRule = { code: 'x', label: 'x', pointsPerUnit: 100, unit: 'hour', dailyCap: null };
    expect(awardPoints(hundred, 0.57, 0)).toBe(57);
  });

  it('pays only what is left under the daily cap', () => {
    expect(awardPoints(POINTS_RULES.valid_report, 1, 12)).toBe(3);
    expect(awardPoints(POINTS_RULES.volunteer_hour, 3, 70)).toBe(10);
  });

  it('pays nothing once the cap is reached or passed', () => {
    expect(awardPoints(POINTS_RULES.vote_cast, 1, 10)).toBe(0);
    expect(awardPoints(POINTS_RULES.vote_cast, 1, 14)).toBe(0);
  });

  it('never caps a rule without a daily cap', () => {
    expect(awardPoints(POINTS_RULES.topic_approved, 1, 1000)).toBe(5);
  });

  it('pays nothing for zero, negative or nonsense quantities', () => {
    expect(awardPoints(POINTS_RULES.valid_report, 0, 0)).toBe(0);
    expect(awardPoints(POINTS_RULES.valid_report, -2, 0)).toBe(0);
    expect(awardPoints(POINTS_RULES.valid_report, Number.NaN, 0)).toBe(0);
  });
});

describe('POINTS_RULES', () => {
  it('keys every rule by its own code with whole, positive points and a Chinese label', () => {
    for (const [key, rule] of Object.entries(POINTS_RULES)) {
      expect(rule.code).toBe(key);
      expect(Number.isInteger(rule.pointsPerUnit) && rule.pointsPerUnit > 0).toBe(true);
      expect(rule.label).toMatch(/[\u4e00-\u9fff]/);
      if (rule.dailyCap !== null) expect(rule.dailyCap).toBeGreaterThanOrEqual(rule.pointsPerUnit);
    }
    expect(isPointsRuleCode('vote_cast')).toBe(true);
    expect(isPointsRuleCode('toString')).toBe(false);
  });
});
