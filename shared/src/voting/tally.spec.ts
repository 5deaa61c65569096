import fc from 'fast-check';
import { validateBallot, VotingPoll } from './ballot-rules';
import { createTally, TallyBallot, tallyPoll } from './tally';

const parkingPoll: VotingPoll = { type: 'single', optionIds: ['underground', 'street', 'none'] };
const ballot = (voterKey: string, seq: number, ...choice: string[]): TallyBallot => ({ voterKey, seq, choice });
const votesOf = (t: ReturnType<typeof tallyPoll>) => Object.fromEntries(t.options.map((o) => [o.optionId, o.votes]));

describe('tallyPoll', () => {
  it('counts one vote per voter per option in the poll order', () => {
    const t = tallyPoll(parkingPoll, [
      ballot('wang', 1, 'street'),
      ballot('li', 2, 'underground'),
      ballot('zhang', 3, 'street'),
    ]);
    expect(t.options).toEqual([
      { optionId: 'underground', votes: 1 },
      { optionId: 'street', votes: 2 },
      { optionId: 'none', votes: 0 },
    ]);
    expect(t.voters).toBe(3);
    expect(t.leaders).toEqual(['street']);
  });

  it("counts only a voter's last ballot when they vote again", () => {
    const t = tallyPoll(parkingPoll, [ballot('wang', 1, 'street'), ballot('li', 2, 'street'), ballot('wang', 3, 'none')]);
    expect(votesOf(t)).toEqual({ underground: 0, street: 1, none: 1 });
    expect(t.voters).toBe(2);
    expect(t.ballotsReceived).toBe(3);
    expect(t.superseded).toBe(1);
  });

  it('decides "last" by seq, not by the order ballots arrive in', () => {
    // The revote (seq 7) is read before the original (seq 4): the original must not win back.
    const t = tallyPoll(parkingPoll, [ballot('wang', 7, 'none'), ballot('wang', 4, 'street')]);
    expect(votesOf(t)).toEqual({ underground: 0, street: 0, none: 1 });
    expect(t.superseded).toBe(1);
  });

  it('reports what happened to each ballot as it streams in', () => {
    const tally = createTally(parkingPoll);
    expect(tally.add(ballot('wang', 5, 'street'))).toBe('counted');
    expect(tally.add(ballot('wang', 9, 'none'))).toBe('replaced');
    expect(tally.add(ballot('wang', 6, 'underground'))).toBe('superseded');
    expect(tally.add(ballot('wang', 9, 'none'))).toBe('duplicate');
    expect(tally.add(ballot('li', 10, 'nowhere'))).toBe('invalid');
    expect(votesOf(tally.result())).toEqual({ underground: 0, street: 0, none: 1 });
  });

  it("never lets an invalid ballot displace a voter's valid one", () => {
    const t = tallyPoll(parkingPoll, [ballot('wang', 1, 'street'), ballot('wang', 2, 'street', 'none')]);
    expect(votesOf(t)).toEqual({ underground: 0, street: 1, none: 0 });
    expect(t.invalid).toBe(1);
  });

  it('refuses two different choices under the same seq for one voter instead of guessing', () => {
    expect(() => tallyPoll(parkingPoll, [ballot('wang', 3, 'street'), ballot('wang', 3, 'none')])).toThrow(/选票数据冲突/);
  });

  it('counts every option picked on a multiple-choice ballot and swaps them all on a revote', () => {
    const poll: VotingPoll = { type: 'multiple', optionIds: ['a', 'b', 'c', 'd'], maxChoices: 2 };
    const t = tallyPoll(poll, [ballot('x', 1, 'a', 'b'), ballot('y', 2, 'b', 'c'), ballot('x', 3, 'd')]);
    expect(votesOf(t)).toEqual({ a: 0, b: 1, c: 1, d: 1 });
    expect(t.leaders).toEqual(['b', 'c', 'd']);
  });

  it('tallies agree, disagree and abstain on an approval3 poll', () => {
    const t = tallyPoll({ type: 'approval3' }, [
      ballot('a', 1, 'agree'),
      ballot('b', 2, 'abstain'),
      ballot('c', 3, 'agree'),
      ballot('d', 4, 'disagree'),
    ]);
    expect(votesOf(t)).toEqual({ agree: 2, disagree: 1, abstain: 1 });
  });

  it('computes turnout from counted voters against the electorate, rounded down', () => {
    const t = tallyPoll(parkingPoll, [ballot('a', 1, 'none'), ballot('b', 2, 'none'), ballot('a', 3, 'street')], {
      eligibleVoters: 3,
    });
    expect(t.turnout).toEqual({ voters: 2, eligible: 3, percent: '66.66%' });
    expect(tallyPoll(parkingPoll, []).turnout).toBeNull();
  });

  it('has no leader when nobody voted', () => {
    expect(tallyPoll(parkingPoll, [], { eligibleVoters: 10 }).leaders).toEqual([]);
  });

  it('rejects a non-integer electorate or seq', () => {
    expect(() => createTally(parkingPoll, { eligibleVoters: 2.5 })).toThrow(RangeError);
    expect(() => tallyPoll(parkingPoll, [ballot('a', Number.NaN, 'none')])).toThrow(RangeError);
  });

  it('tallies 100 000 ballots with revotes to the same totals as counting each voter once', () => {
    const voters = 60_000;
    const tally = createTally(parkingPoll, { eligibleVoters: 80_000 });
    const options = ['underground', 'street', 'none'];
    const expected = [0, 0, 0];
    // Voters 0..39 999 vote twice (option v%3, then (v+1)%3); the rest once.
    for (let v = 0; v < voters; v++) tally.add(ballot(`v${v}`, v, options[v % 3]));
    for (let v = 0; v < 40_000; v++) tally.add(ballot(`v${v}`, voters + v, options[(v + 1) % 3]));
    for (let v = 0; v < voters; v++) expected[v < 40_000 ? (v + 1) % 3 : v % 3]++;
    const t = tally.result();
    expect(t.ballotsReceived).toBe(100_000);
    expect(t.options.map((o) => o.votes)).toEqual(expected);
    expect(t.turnout?.percent).toBe('75.00%');
  });
});

describe('tallyPoll properties', () => {
  const poll: VotingPoll = { type: 'multiple', optionIds: ['a', 'b', 'c'], maxChoices: 2 };
  const arbBallots = fc
    .array(
      fc.record({
        voterKey: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5'),
        choice: fc.subarray(['a', 'b', 'c'], { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 40 },
    )
    .map((rows) => rows.map((r, i) => ({ ...r, seq: i + 1 })));

  /** The rule stated plainly: sort by seq, keep each voter's last, count. */
  const reference = (ballots: TallyBallot[]) => {
    const lastByVoter = new Map<string, TallyBallot>();
    for (const b of [...ballots].sort((x, y) => x.seq - y.seq)) lastByVoter.set(b.voterKey, b);
    const votes: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const b of lastByVoter.values()) for (const o of b.choice) votes[o]++;
    return { votes, voters: lastByVoter.size };
  };

  it("agrees with counting each voter's highest-seq ballot, in whatever order ballots arrive", () => {
    fc.assert(
      fc.property(
        arbBallots.chain((ballots) => fc.tuple(fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length }))),
        ([ballots, shuffled]) => {
          const t = tallyPoll(poll, shuffled);
          const ref = reference(ballots);
          expect(votesOf(t)).toEqual(ref.votes);
          expect(t.voters).toBe(ref.voters);
          expect(t.superseded).toBe(ballots.length - ref.voters);
        },
      ),
    );
  });

  it('ignores exactly the ballots validateBallot rejects (unknown, repeated, too many or no options)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { maxLength: 4 }), (choice) => {
        const verdict = validateBallot(poll, choice);
        const outcome = createTally(poll).add({ voterKey: 'v', seq: 1, choice });
        expect(outcome === 'invalid').toBe(!verdict.ok);
      }),
    );
  });
});
