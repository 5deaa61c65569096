import fc from 'fast-check';
import { OwnerUnit } from './owner-headcount';
import { decideOwnerMatter, OwnerBallot } from './owner-decision';
import { OWNER_MATTER_KEYS } from './owner-matters';

const arbChoice = fc.constantFrom<OwnerBallot['choice']>('agree', 'disagree', 'abstain');

/** A roll of 1–25 units over a few owners (so multi-unit owners are common), some of them the developer's. */
const arbRoll = fc
  .array(
    fc.record({
      ownerKey: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'),
      exclusiveArea: fc.integer({ min: 1, max: 50_000 }),
      developerUnsold: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => rows.map((r, i): OwnerUnit => ({ unitId: `u${i}`, ...r })));

/** A roll with at most one ballot per unit. */
const arbCase = arbRoll.chain((roll) =>
  fc.record({
    matter: fc.constantFrom(...OWNER_MATTER_KEYS),
    roll: fc.constant(roll),
    ballots: fc
      .array(fc.option(arbChoice, { nil: undefined }), { minLength: roll.length, maxLength: roll.length })
      .map((choices) =>
        choices.flatMap((choice, i) => (choice === undefined ? [] : [{ unitId: roll[i].unitId, choice }])),
      ),
  }),
);

const verdict = (d: ReturnType<typeof decideOwnerMatter>) => ({
  valid: d.valid,
  passed: d.passed,
  met: Object.fromEntries(Object.entries(d.thresholds).map(([k, t]) => [k, t.met])),
  owners: [d.totals.owners, d.participating.owners, d.agreeing.owners],
});

describe('decideOwnerMatter properties', () => {
  it('never turns a passed matter into a failed one when one more unit votes agree (or changes its vote to agree)', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ matter, roll, ballots }, pick) => {
        const before = decideOwnerMatter(matter, roll, ballots);
        const target = roll[pick % roll.length].unitId;
        const after = decideOwnerMatter(matter, roll, [...ballots, { unitId: target, choice: 'agree' }]);
        if (before.passed) expect(after.passed).toBe(true);
        if (before.valid) expect(after.valid).toBe(true);
      }),
    );
  });

  it('gives the same result however units and ballots are ordered', () => {
    fc.assert(
      fc.property(
        arbCase.chain((c) =>
          fc.record({
            c: fc.constant(c),
            roll: fc.shuffledSubarray(c.roll, { minLength: c.roll.length }),
            ballots: fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length }),
          }),
        ),
        ({ c, roll, ballots }) => {
          expect(decideOwnerMatter(c.matter, roll, ballots)).toEqual(decideOwnerMatter(c.matter, c.roll, c.ballots));
        },
      ),
    );
  });

  it('gives the same result however revotes carrying a seq are ordered', () => {
    const arbRevotes = arbRoll.chain((roll) =>
      fc
        .array(fc.record({ unit: fc.nat(roll.length - 1), choice: arbChoice }), { maxLength: 40 })
        .map((rows) => ({ roll, ballots: rows.map((r, i) => ({ unitId: roll[r.unit].unitId, choice: r.choice, seq: i + 1 })) })),
    );
    fc.assert(
      fc.property(
        arbRevotes.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length }))),
        ([{ roll, ballots }, shuffled]) => {
          const inOrder = decideOwnerMatter('other_major', roll, ballots);
          expect(decideOwnerMatter('other_major', roll, shuffled)).toEqual(inOrder);
          // …and seq order means list order: dropping the seqs from the sorted list changes nothing.
          const unsequenced = ballots.map(({ unitId, choice }) => ({ unitId, choice }));
          expect(decideOwnerMatter('other_major', roll, unsequenced)).toEqual(inOrder);
        },
      ),
    );
  });

  it('does not change the verdict when every area is scaled by the same factor', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 2, max: 10_000 }), ({ matter, roll, ballots }, k) => {
        const scaled = roll.map((u) => ({ ...u, exclusiveArea: u.exclusiveArea * k }));
        const d = decideOwnerMatter(matter, roll, ballots);
        const ds = decideOwnerMatter(matter, scaled, ballots);
        expect(verdict(ds)).toEqual(verdict(d));
        expect(ds.participating.area).toBe(d.participating.area * k);
      }),
    );
  });

  it('decides validity from who took part only, never from how they voted', () => {
    fc.assert(
      fc.property(
        arbCase.chain((c) =>
          fc.tuple(fc.constant(c), fc.array(arbChoice, { minLength: c.ballots.length, maxLength: c.ballots.length })),
        ),
        ([{ matter, roll, ballots }, otherChoices]) => {
          const recast = ballots.map((b, i) => ({ ...b, choice: otherChoices[i] }));
          const d = decideOwnerMatter(matter, roll, ballots);
          const dr = decideOwnerMatter(matter, roll, recast);
          expect(dr.valid).toBe(d.valid);
          expect(dr.participating).toEqual(d.participating);
        },
      ),
    );
  });

  it('passes an ordinary matter whenever the same votes pass a special (items 6–8) matter', () => {
    fc.assert(
      fc.property(arbCase, ({ roll, ballots }) => {
        if (decideOwnerMatter('raise_maintenance_fund', roll, ballots).passed) {
          expect(decideOwnerMatter('use_maintenance_fund', roll, ballots).passed).toBe(true);
        }
      }),
    );
  });

  it('counts agreeing owners no higher than agreeing units and participating owners', () => {
    fc.assert(
      fc.property(arbCase, ({ matter, roll, ballots }) => {
        const d = decideOwnerMatter(matter, roll, ballots);
        expect(d.agreeing.owners).toBeLessThanOrEqual(Math.min(d.agreeing.units, d.participating.owners));
        expect(d.participating.owners).toBeLessThanOrEqual(d.totals.owners);
        expect(d.byChoice.agree.area + d.byChoice.disagree.area + d.byChoice.abstain.area).toBe(d.participating.area);
      }),
    );
  });
});
