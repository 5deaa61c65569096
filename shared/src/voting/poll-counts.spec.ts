import { decideOwnerMatter, decideOwnerMatterFromCount, indexOwnerRoll } from './owner-decision';
import { OwnerUnit } from './owner-headcount';
import { applyBallotToCounts, choiceMask, choicePositions, countGroups, CountGroup, emptyPollCounts } from './poll-counts';
import { VotingPoll } from './ballot-rules';

const group = (choiceMask: number, ballots: number, area = 0, head: number | null = null): CountGroup => ({ choiceMask, ballots, area, head });
const AGREE = choiceMask([0]);
const DISAGREE = choiceMask([1]);
const ABSTAIN = choiceMask([2]);

describe('live counts (applyBallotToCounts)', () => {
  it('adds a first ballot and counts one more voter', () => {
    const counts = applyBallotToCounts(emptyPollCounts(3, false), { positions: [0, 2], previous: null });
    expect(counts).toEqual({ votes: [1, 0, 1], voters: 1 });
  });

  it('moves a revote from the old choice to the new one without adding a voter', () => {
    const first = applyBallotToCounts(emptyPollCounts(3, false), { positions: [0], previous: null });
    expect(applyBallotToCounts(first, { positions: [1], previous: [0] })).toEqual({ votes: [0, 1, 0], voters: 1 });
  });

  it('weights owners by area and moves the area with a revote, leaving the counts it was given alone', () => {
    const start = emptyPollCounts(3, true);
    const one = applyBallotToCounts(start, { positions: [0], previous: null, weight: 8937 });
    const two = applyBallotToCounts(one, { positions: [2], previous: [0], weight: 8937 });
    expect(one.area).toEqual([8937, 0, 0]);
    expect(two.area).toEqual([0, 0, 8937]);
    expect(start.area).toEqual([0, 0, 0]);
  });
});

describe('choice masks', () => {
  it('gives each set of options its own number and reads it back in option order', () => {
    expect(choiceMask([0])).toBe(1);
    expect(choiceMask([2, 0])).toBe(5);
    expect(choicePositions(5, 3)).toEqual([0, 2]);
    expect(choicePositions(0, 3)).toEqual([]);
  });

  it('stays exact for the fiftieth option, past the 32 bits of JavaScript bit operators', () => {
    const mask = choiceMask([0, 33, 49]);
    expect(mask).toBe(1 + 2 ** 33 + 2 ** 49);
    expect(choicePositions(mask, 50)).toEqual([0, 33, 49]);
  });

  it('refuses a mask naming an option the poll does not have, or that is no mask at all', () => {
    expect(choicePositions(8, 3)).toBeNull();
    expect(choicePositions(-1, 3)).toBeNull();
    expect(choicePositions(1.5, 3)).toBeNull();
    expect(choicePositions(Number.NaN, 3)).toBeNull();
  });
});

describe('countGroups (the final count from grouped last ballots)', () => {
  const multiple: VotingPoll = { type: 'multiple', optionIds: ['a', 'b', 'c'], maxChoices: 2 };

  it('counts every option of a group once per ballot and leaves the rest of the chain as superseded', () => {
    const { tally } = countGroups(multiple, [group(choiceMask([0, 2]), 3), group(choiceMask([1]), 2)], { ballotsReceived: 7, eligibleVoters: 10 });
    expect(tally.options).toEqual([
      { optionId: 'a', votes: 3 },
      { optionId: 'b', votes: 2 },
      { optionId: 'c', votes: 3 },
    ]);
    expect(tally).toMatchObject({ voters: 5, superseded: 2, invalid: 0, leaders: ['a', 'c'] });
    expect(tally.turnout).toEqual({ voters: 5, eligible: 10, percent: '50.00%' });
  });

  it('counts a group that breaks the poll’s rules as invalid, never as votes', () => {
    const single: VotingPoll = { type: 'single', optionIds: ['yes', 'no'] };
    const { tally } = countGroups(single, [group(choiceMask([0]), 3), group(choiceMask([0, 1]), 2), group(4, 1), group(0, 1), group(Number.NaN, 1)], {
      ballotsReceived: 9,
    });
    expect(tally.options).toEqual([
      { optionId: 'yes', votes: 3 },
      { optionId: 'no', votes: 0 },
    ]);
    expect(tally).toMatchObject({ voters: 3, invalid: 5, superseded: 1, leaders: ['yes'] });
  });

  it('counts area, and heads with each owner of several units once, agreeing only when all their units agree', () => {
    const count = countGroups(
      { type: 'approval3' },
      [group(AGREE, 4, 40_000), group(DISAGREE, 1, 9_000), group(AGREE, 2, 20_000, 1), group(ABSTAIN, 1, 5_000, 2), group(AGREE, 1, 7_000, 2)],
      { ballotsReceived: 9, weighted: true },
    );
    expect(count.counts).toEqual({ votes: [7, 1, 1], voters: 9, area: [67_000, 9_000, 5_000] });
    // Four single-unit owners agree and one disagrees; owner 1 agrees with both units; owner 2 is mixed.
    expect(count.heads).toEqual({ participating: 7, agreeing: 5 });
  });

  it('leaves heads out of a vote that is not weighted', () => {
    expect(countGroups(multiple, [group(1, 1)], { ballotsReceived: 1 }).heads).toBeNull();
  });
});

describe('decideOwnerMatterFromCount', () => {
  const roll: OwnerUnit[] = [
    { unitId: 'z1', ownerKey: 'zhang', exclusiveArea: 10_000 },
    { unitId: 'z2', ownerKey: 'zhang', exclusiveArea: 10_000 },
    { unitId: 'l', ownerKey: 'li', exclusiveArea: 12_050 },
    { unitId: 'w', ownerKey: 'wang', exclusiveArea: 9_999 },
  ];

  it('numbers only owners of several units, in roll order, and totals the roll', () => {
    const index = indexOwnerRoll(roll);
    expect(index.totals).toEqual({ area: 42_049, owners: 3, units: 4 });
    expect([...index.units.values()].map((u) => u.head)).toEqual([1, 1, null, null]);
  });

  it('decides from grouped ballots exactly as from the individual ballots', () => {
    const index = indexOwnerRoll(roll);
    const count = countGroups(
      { type: 'approval3' },
      [group(AGREE, 1, 10_000, 1), group(DISAGREE, 1, 10_000, 1), group(AGREE, 1, 12_050), group(ABSTAIN, 1, 9_999)],
      { ballotsReceived: 4, weighted: true },
    );
    const fromBallots = decideOwnerMatter('hire_or_dismiss_manager', roll, [
      { unitId: 'z1', choice: 'agree' },
      { unitId: 'z2', choice: 'disagree' },
      { unitId: 'l', choice: 'agree' },
      { unitId: 'w', choice: 'abstain' },
    ]);
    expect(decideOwnerMatterFromCount('hire_or_dismiss_manager', index.totals, count)).toEqual(fromBallots);
    expect(fromBallots.agreeing).toMatchObject({ area: 22_050, owners: 1, units: 2 });
  });

  it('refuses a count without area or heads', () => {
    const count = countGroups({ type: 'approval3' }, [group(AGREE, 1)], { ballotsReceived: 1 });
    expect(() => decideOwnerMatterFromCount('other_major', { area: 1, owners: 1, units: 1 }, count)).toThrow(RangeError);
  });
});
