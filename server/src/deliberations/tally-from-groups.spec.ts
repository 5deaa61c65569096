import { tallyPoll, type TallyBallot, type VotingPoll } from '@linli/shared';
import { tallyFromGroups } from './tally-from-groups';

/** Each voter's last ballot grouped by choice, the way the database groups them. */
function groupLast(ballots: TallyBallot[]) {
  const last = new Map<string, TallyBallot>();
  for (const b of ballots) if ((last.get(b.voterKey)?.seq ?? 0) < b.seq) last.set(b.voterKey, b);
  const groups = new Map<string, { choice: string[]; ballots: number }>();
  for (const b of last.values()) {
    const key = JSON.stringify(b.choice);
    groups.set(key, { choice: [...b.choice], ballots: (groups.get(key)?.ballots ?? 0) + 1 });
  }
  return [...groups.values()];
}

describe('tally from grouped last ballots', () => {
  it('gives exactly what tallyPoll gives over the individual ballots, revotes included', () => {
    const poll: VotingPoll = { type: 'multiple', optionIds: ['a', 'b', 'c', 'd'], maxChoices: 2 };
    const choices = [['a'], ['b'], ['a', 'c'], ['d'], ['b', 'd']];
    let seed = 3;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 20; round++) {
      const ballots: TallyBallot[] = [];
      const n = 1 + Math.floor(rand() * 200);
      for (let seq = 1; seq <= n; seq++) {
        ballots.push({ voterKey: `v${Math.floor(rand() * 60)}`, seq, choice: choices[Math.floor(rand() * choices.length)] });
      }
      const expected = tallyPoll(poll, ballots, { eligibleVoters: 80 });
      const actual = tallyFromGroups(poll, groupLast(ballots), { ballotsReceived: n, eligibleVoters: 80 });
      expect(actual).toEqual(expected);
    }
  });

  it('counts a group that breaks the poll’s rules as invalid, never as votes', () => {
    const poll: VotingPoll = { type: 'single', optionIds: ['yes', 'no'] };
    const tally = tallyFromGroups(poll, [{ choice: ['yes'], ballots: 3 }, { choice: ['yes', 'no'], ballots: 2 }], { ballotsReceived: 6 });
    expect(tally.options).toEqual([
      { optionId: 'yes', votes: 3 },
      { optionId: 'no', votes: 0 },
    ]);
    expect(tally).toMatchObject({ voters: 3, invalid: 2, superseded: 1, leaders: ['yes'] });
  });
});
