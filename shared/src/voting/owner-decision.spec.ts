import { OwnerUnit } from './owner-headcount';
import { decideOwnerMatter, OwnerBallot, OwnerDecisionInputError } from './owner-decision';
import { OWNER_MATTERS, OwnerMatter } from './owner-matters';

/** area is in hundredths of m²; ownerKey defaults to one owner per unit. */
const unit = (unitId: string, exclusiveArea: number, ownerKey = `owner-of-${unitId}`, developerUnsold = false): OwnerUnit => ({
  unitId,
  ownerKey,
  exclusiveArea,
  developerUnsold,
});
const vote = (unitId: string, choice: OwnerBallot['choice'], seq?: number): OwnerBallot =>
  seq === undefined ? { unitId, choice } : { unitId, choice, seq };
/** n single-owner units u0…u(n-1) of the same area. */
const units = (n: number, area = 10_000) => Array.from({ length: n }, (_, i) => unit(`u${i}`, area));

const ORDINARY: OwnerMatter = 'hire_or_dismiss_manager';
const SPECIAL: OwnerMatter = 'raise_maintenance_fund';

describe('decideOwnerMatter: participation (Art. 278 para. 2, two thirds of area and of owners)', () => {
  it('is valid when exactly two thirds of the area and exactly two thirds of the owners take part', () => {
    const d = decideOwnerMatter(ORDINARY, units(3), [vote('u0', 'agree'), vote('u1', 'agree')]);
    expect(d.participating).toMatchObject({ area: 20_000, owners: 2, units: 2 });
    expect(d.thresholds.participationArea.met).toBe(true);
    expect(d.thresholds.participationOwners.met).toBe(true);
    expect(d.valid).toBe(true);
  });

  it('is invalid with exactly two thirds of the area when the owners are one head short of two thirds', () => {
    // 98 small units of 100 m² plus one of 400 m²: the large one and 64 small ones hold 6 800 of 10 200 m²
    // (exactly 2/3) but are 65 of 99 owners, one short of 66.
    const roll = [unit('big', 40_000), ...units(98)];
    const ballots = [vote('big', 'agree'), ...roll.slice(1, 65).map((u) => vote(u.unitId, 'agree'))];
    const d = decideOwnerMatter(ORDINARY, roll, ballots);
    expect(d.participating).toMatchObject({ area: 680_000, owners: 65 });
    expect(d.totals).toMatchObject({ area: 1_020_000, owners: 99 });
    expect(d.thresholds.participationArea.met).toBe(true);
    expect(d.thresholds.participationOwners.met).toBe(false);
    expect(d.valid).toBe(false);
    expect(d.passed).toBe(false);

    const oneMore = decideOwnerMatter(ORDINARY, roll, [...ballots, vote('u64', 'agree')]);
    expect(oneMore.valid).toBe(true);
  });

  it('is invalid with exactly two thirds of the owners when the area falls short of two thirds', () => {
    // 66 of 99 owners take part, but a non-voting unit is 0.01 m² larger, so 6 600 of 9 900.01 m² is under 2/3.
    const roll = [...units(98), unit('u98', 10_001)];
    const ballots = roll.slice(0, 66).map((u) => vote(u.unitId, 'agree'));
    const d = decideOwnerMatter(ORDINARY, roll, ballots);
    expect(d.thresholds.participationOwners.met).toBe(true);
    expect(d.thresholds.participationArea.met).toBe(false);
    expect(d.valid).toBe(false);
  });

  it('counts abstaining owners as taking part', () => {
    const d = decideOwnerMatter(ORDINARY, units(3), [vote('u0', 'abstain'), vote('u1', 'abstain')]);
    expect(d.valid).toBe(true);
    expect(d.passed).toBe(false);
    expect(d.byChoice.abstain).toEqual({ area: 20_000, units: 2 });
  });

  it('never passes an invalid vote, even when everyone who voted agrees', () => {
    const d = decideOwnerMatter(ORDINARY, units(10), [vote('u0', 'agree'), vote('u1', 'agree')]);
    expect(d.thresholds.agreementArea.met).toBe(true);
    expect(d.thresholds.agreementOwners.met).toBe(true);
    expect(d.valid).toBe(false);
    expect(d.passed).toBe(false);
  });
});

describe('decideOwnerMatter: ordinary matters need more than half of participating area and owners', () => {
  it('fails with exactly half of the participating area in favour', () => {
    const roll = [unit('a', 30_000), unit('b', 10_000), unit('c', 10_000), unit('d', 10_000)];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('a', 'disagree'), vote('b', 'agree'), vote('c', 'agree'), vote('d', 'agree')]);
    expect(d.agreeing.areaShare).toMatchObject({ numerator: 30_000, denominator: 60_000 });
    expect(d.thresholds.agreementArea.met).toBe(false);
    expect(d.thresholds.agreementOwners.met).toBe(true);
    expect(d.passed).toBe(false);
  });

  it('fails with exactly half of the participating owners in favour', () => {
    const roll = [unit('a', 20_100), unit('b', 10_000), unit('c', 10_000), unit('d', 10_000)];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('a', 'agree'), vote('b', 'agree'), vote('c', 'disagree'), vote('d', 'disagree')]);
    expect(d.thresholds.agreementArea.met).toBe(true);
    expect(d.agreeing.ownerShare).toMatchObject({ numerator: 2, denominator: 4 });
    expect(d.thresholds.agreementOwners.met).toBe(false);
    expect(d.passed).toBe(false);
  });

  it('passes one hundredth of a square metre over half with a majority of heads', () => {
    const roll = [unit('a', 10_001), unit('b', 10_000), unit('c', 20_000)];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('a', 'agree'), vote('b', 'agree'), vote('c', 'disagree')]);
    expect(d.agreeing.area).toBe(20_001);
    expect(d.participating.area).toBe(40_001);
    expect(d.passed).toBe(true);
  });

  it('measures agreement against the participating owners, not against all owners', () => {
    // 3 of 4 take part (area and heads 3/4), 2 agree: 2/3 of participants but only half of all owners.
    const d = decideOwnerMatter(ORDINARY, units(4), [vote('u0', 'agree'), vote('u1', 'agree'), vote('u2', 'disagree')]);
    expect(d.agreeing.ownerShare).toMatchObject({ numerator: 2, denominator: 3 });
    expect(d.passed).toBe(true);
  });
});

describe('decideOwnerMatter: items 6–8 need three quarters of participating area and owners', () => {
  it('passes with exactly three quarters of area and owners', () => {
    const d = decideOwnerMatter(SPECIAL, units(4), [vote('u0', 'agree'), vote('u1', 'agree'), vote('u2', 'agree'), vote('u3', 'disagree')]);
    expect(d.agreementRule).toBe('special');
    expect(d.thresholds.agreementArea.met).toBe(true);
    expect(d.thresholds.agreementOwners.met).toBe(true);
    expect(d.passed).toBe(true);
  });

  it('fails one hundredth of a square metre under three quarters, where an ordinary matter would pass', () => {
    const roll = [unit('a', 10_000), unit('b', 10_000), unit('c', 9_999), unit('d', 10_000)];
    const ballots = [vote('a', 'agree'), vote('b', 'agree'), vote('c', 'agree'), vote('d', 'disagree')];
    // 29 999 of 39 999: 29 999·4 = 119 996 < 39 999·3 = 119 997.
    expect(decideOwnerMatter(SPECIAL, roll, ballots).thresholds.agreementArea.met).toBe(false);
    expect(decideOwnerMatter(SPECIAL, roll, ballots).passed).toBe(false);
    expect(decideOwnerMatter(ORDINARY, roll, ballots).passed).toBe(true);
  });

  it('fails with three quarters of the area but fewer than three quarters of the heads', () => {
    const roll = [unit('a', 50_000), unit('b', 10_000), unit('c', 10_000), unit('d', 10_000)];
    const d = decideOwnerMatter(SPECIAL, roll, [vote('a', 'agree'), vote('b', 'agree'), vote('c', 'disagree'), vote('d', 'disagree')]);
    expect(d.agreeing.areaShare).toMatchObject({ numerator: 60_000, denominator: 80_000 });
    expect(d.thresholds.agreementArea.met).toBe(true);
    expect(d.thresholds.agreementOwners.met).toBe(false);
    expect(d.passed).toBe(false);
  });

  it('applies the special majority to exactly items 6, 7 and 8', () => {
    const special = (Object.keys(OWNER_MATTERS) as OwnerMatter[]).filter((m) => OWNER_MATTERS[m].agreement === 'special');
    expect(special.map((m) => OWNER_MATTERS[m].item).sort()).toEqual([6, 7, 8]);
    expect(special.sort()).toEqual(['change_common_use_or_business', 'raise_maintenance_fund', 'rebuild_or_reconstruct']);
  });
});

describe('decideOwnerMatter: headcount', () => {
  it('counts a buyer of several units as one owner while summing all their area', () => {
    const roll = [unit('1-101', 9_000, 'zhang'), unit('1-102', 9_000, 'zhang'), unit('1-103', 9_000, 'zhang'), unit('2-101', 9_000, 'li')];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('1-101', 'agree'), vote('1-102', 'agree'), vote('1-103', 'agree')]);
    expect(d.totals).toEqual({ area: 36_000, owners: 2, units: 4 });
    expect(d.participating).toMatchObject({ area: 27_000, owners: 1, units: 3 });
    // 3/4 of the area took part, but only 1 of 2 owners: a large holder alone cannot make the vote valid.
    expect(d.valid).toBe(false);
  });

  it("counts all the developer's unsold units as one owner, whatever owner key the roll gives them", () => {
    const roll = [
      unit('3-101', 10_000, 'dev-a', true),
      unit('3-102', 10_000, 'dev-b', true),
      unit('3-103', 10_000, 'buyer-x', true), // sold but not delivered: still the developer's
      unit('4-101', 10_000, 'chen'),
      unit('4-102', 10_000, 'zhou'),
    ];
    const d = decideOwnerMatter(ORDINARY, roll, []);
    expect(d.totals).toEqual({ area: 50_000, owners: 3, units: 5 });
  });

  it('keeps a buyer with one delivered and one undelivered unit apart from the developer headcount', () => {
    const roll = [unit('5-101', 10_000, 'li'), unit('5-102', 10_000, 'li', true), unit('5-103', 10_000, 'dev', true)];
    expect(decideOwnerMatter(ORDINARY, roll, []).totals.owners).toBe(2);
  });

  it('counts the developer as one agreeing owner when all its voting units agree', () => {
    const roll = [unit('d1', 10_000, 'dev', true), unit('d2', 10_000, 'dev', true), unit('a', 10_000), unit('b', 10_000)];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('d1', 'agree'), vote('d2', 'agree'), vote('a', 'disagree'), vote('b', 'abstain')]);
    expect(d.participating.owners).toBe(3);
    expect(d.agreeing).toMatchObject({ owners: 1, area: 20_000, units: 2 });
  });

  it('does not count a multi-unit owner as agreeing when any of their voting units does not agree', () => {
    // zhang agrees with two units and disagrees with one. Area: 30 000 of 50 000 agree (> 1/2).
    // Heads: li agrees, wang disagrees, zhang is mixed and counts as not agreeing: 1 of 3, so it fails.
    const roll = [unit('z1', 10_000, 'zhang'), unit('z2', 10_000, 'zhang'), unit('z3', 10_000, 'zhang'), unit('l', 10_000, 'li'), unit('w', 10_000, 'wang')];
    const d = decideOwnerMatter(ORDINARY, roll, [
      vote('z1', 'agree'),
      vote('z2', 'agree'),
      vote('z3', 'disagree'),
      vote('l', 'agree'),
      vote('w', 'disagree'),
    ]);
    expect(d.agreeing).toMatchObject({ area: 30_000, owners: 1 });
    expect(d.participating.owners).toBe(3);
    expect(d.thresholds.agreementArea.met).toBe(true);
    expect(d.thresholds.agreementOwners.met).toBe(false);
    expect(d.passed).toBe(false);
  });

  it('counts a multi-unit owner as mixed when one unit abstains', () => {
    const roll = [unit('z1', 10_000, 'zhang'), unit('z2', 10_000, 'zhang'), unit('l', 10_000, 'li')];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('z1', 'agree'), vote('z2', 'abstain'), vote('l', 'agree')]);
    expect(d.agreeing.owners).toBe(1);
  });

  it('counts a multi-unit owner as agreeing when every unit they voted with agrees, even if one unit did not vote', () => {
    const roll = [unit('z1', 10_000, 'zhang'), unit('z2', 10_000, 'zhang'), unit('z3', 5_000, 'zhang'), unit('l', 10_000, 'li')];
    const d = decideOwnerMatter(ORDINARY, roll, [vote('z1', 'agree'), vote('z2', 'agree'), vote('l', 'disagree')]);
    expect(d.participating).toMatchObject({ owners: 2, area: 30_000, units: 3 });
    expect(d.agreeing.owners).toBe(1);
  });
});

describe('decideOwnerMatter: the last ballot per unit counts', () => {
  it('uses the later ballot in the list when ballots carry no seq', () => {
    const d = decideOwnerMatter(ORDINARY, units(3), [vote('u0', 'disagree'), vote('u1', 'agree'), vote('u0', 'agree'), vote('u2', 'agree')]);
    expect(d.byChoice.agree.units).toBe(3);
    expect(d.byChoice.disagree.units).toBe(0);
    expect(d.participating.units).toBe(3);
  });

  it('uses the highest seq regardless of list order when ballots carry one', () => {
    const d = decideOwnerMatter(ORDINARY, units(3), [vote('u0', 'agree', 9), vote('u0', 'disagree', 3), vote('u1', 'agree', 4), vote('u2', 'agree', 5)]);
    expect(d.byChoice.agree.units).toBe(3);
  });

  it('refuses ballots where only some carry a seq, since "last" is then undefined', () => {
    expect(() => decideOwnerMatter(ORDINARY, units(2), [vote('u0', 'agree', 1), vote('u1', 'agree')])).toThrow(OwnerDecisionInputError);
  });

  it('refuses two different choices for one unit under the same seq', () => {
    const run = () => decideOwnerMatter(ORDINARY, units(2), [vote('u0', 'agree', 1), vote('u0', 'disagree', 1)]);
    expect(run).toThrow(expect.objectContaining({ code: 'conflicting_ballots' }));
  });
});

describe('decideOwnerMatter: inconsistent input', () => {
  it('refuses a ballot for a unit missing from the roll', () => {
    expect(() => decideOwnerMatter(ORDINARY, units(2), [vote('9-999', 'agree')])).toThrow(expect.objectContaining({ code: 'unknown_unit' }));
  });

  it('refuses a roll listing a unit twice', () => {
    expect(() => decideOwnerMatter(ORDINARY, [unit('a', 100), unit('a', 100)], [])).toThrow(expect.objectContaining({ code: 'duplicate_unit' }));
  });

  it('refuses fractional, zero or negative areas (areas are whole hundredths of m²)', () => {
    for (const bad of [89.37, 0, -100]) {
      expect(() => decideOwnerMatter(ORDINARY, [unit('a', bad)], [])).toThrow(expect.objectContaining({ code: 'invalid_area' }));
    }
  });

  it('refuses a choice other than agree, disagree or abstain', () => {
    const ballots = [{ unitId: 'u0', choice: 'yes' }] as unknown as OwnerBallot[];
    expect(() => decideOwnerMatter(ORDINARY, units(1), ballots)).toThrow(expect.objectContaining({ code: 'invalid_choice' }));
  });

  it('treats an empty roll as no decision', () => {
    const d = decideOwnerMatter(ORDINARY, [], []);
    expect(d.valid).toBe(false);
    expect(d.passed).toBe(false);
    expect(d.explanation).toContain('业主名册为空');
  });
});

describe('decideOwnerMatter: what the bulletin board shows', () => {
  it('reports thresholds as fractions with statutory wording, shares, and a Chinese explanation', () => {
    const roll = [unit('a', 8_937), unit('b', 12_050), unit('c', 10_000), unit('d', 10_000)];
    const d = decideOwnerMatter('rebuild_or_reconstruct', roll, [vote('a', 'agree'), vote('b', 'agree'), vote('c', 'agree'), vote('d', 'abstain')]);
    expect(d.matterLabel).toBe('改建、重建建筑物及其附属设施');
    expect(d.article278Item).toBe(7);
    expect(d.thresholds.participationArea).toMatchObject({
      threshold: { ratio: { numerator: 2, denominator: 3 }, comparison: 'at_least' },
      wording: '三分之二以上',
      met: true,
    });
    expect(d.thresholds.agreementOwners).toMatchObject({
      threshold: { ratio: { numerator: 3, denominator: 4 }, comparison: 'at_least' },
      share: { numerator: 3, denominator: 4, percent: '75.00%' },
      met: true,
    });
    expect(d.agreeing.areaShare).toEqual({ numerator: 30_987, denominator: 40_987, percent: '75.60%' });
    expect(d.passed).toBe(true);
    expect(d.explanation).toContain('第二百七十八条第一款第七项');
    expect(d.explanation).toContain('参与表决的业主专有部分面积 409.87 平方米');
    expect(d.explanation).toContain('表决有效');
    expect(d.explanation).toContain('决议通过。');
  });

  it('explains an invalid vote by the participation shortfall', () => {
    const d = decideOwnerMatter('elect_committee', units(3), [vote('u0', 'agree')]);
    expect(d.explanation).toContain('未达到');
    expect(d.explanation).toContain('本次表决不成立');
    expect(d.explanation).not.toContain('决议通过');
  });

  it('words the ordinary threshold as "过半数"', () => {
    const d = decideOwnerMatter(ORDINARY, units(3), [vote('u0', 'agree'), vote('u1', 'disagree'), vote('u2', 'disagree')]);
    expect(d.thresholds.agreementArea.wording).toBe('过半数');
    expect(d.explanation).toContain('决议未通过。');
  });
});
