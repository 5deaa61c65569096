import { chainBallots, chainTallyBallots, genesisHash, newBallotNonce, tallyPoll } from '@linli/shared';
import { computePollResult, PollForResult, votingPollOf } from './poll-result';

const chain = { head: genesisHash('1'), count: 0 };

const singlePoll: PollForResult = {
  title: '小区加装电动车充电桩位置',
  type: 'single',
  options: [
    { id: 'east', label: '东门' },
    { id: 'west', label: '西门' },
  ],
  maxChoices: 1,
  eligibleCount: 4,
  ownerMatter: null,
  ownerRoll: null,
  ownerTotals: null,
};

describe('poll result', () => {
  it('counts only each voter’s last ballot and reports turnout against the electorate', () => {
    const result = computePollResult(
      singlePoll,
      [
        { voterKey: 'user:1', seq: 1, choice: ['east'] },
        { voterKey: 'user:2', seq: 2, choice: ['east'] },
        { voterKey: 'user:1', seq: 3, choice: ['west'] },
      ],
      chain,
    );
    expect(result.tally.options).toEqual([
      { optionId: 'east', votes: 1 },
      { optionId: 'west', votes: 1 },
    ]);
    expect(result.tally.turnout).toEqual({ voters: 2, eligible: 4, percent: '50.00%' });
    expect(result.summary).toContain('东门 1 票；西门 1 票');
    expect(result.summary).toContain('并列');
  });

  it('decides an owners’ vote by area and headcount over the roll fixed at creation', () => {
    const poll: PollForResult = {
      title: '使用维修资金更换电梯',
      type: 'approval3',
      options: [],
      maxChoices: 1,
      eligibleCount: 3,
      ownerMatter: 'use_maintenance_fund',
      ownerRoll: [
        { unitId: '11', ownerKey: 'user:1', exclusiveArea: 10000, label: '1栋101' },
        { unitId: '12', ownerKey: 'user:2', exclusiveArea: 10000, label: '1栋102' },
        { unitId: '13', ownerKey: 'user:3', exclusiveArea: 10000, label: '1栋103' },
      ],
      ownerTotals: { area: 30000, owners: 3, units: 3 },
    };
    const result = computePollResult(
      poll,
      [
        { voterKey: 'unit:11', seq: 1, choice: ['agree'] },
        { voterKey: 'unit:12', seq: 2, choice: ['agree'] },
        { voterKey: 'unit:13', seq: 3, choice: ['disagree'] },
      ],
      chain,
    );
    expect(result.ownerDecision?.valid).toBe(true);
    expect(result.ownerDecision?.passed).toBe(true);
    expect(result.summary).toContain('决议通过');
  });

  it('gives the same counts as a recount of the anonymous chain', () => {
    const ballots = [
      { voterKey: 'user:7', choice: ['east'] },
      { voterKey: 'user:8', choice: ['west'] },
      { voterKey: 'user:7', choice: ['west'], supersedesSeq: 1 },
    ].map((b, i) => ({ ...b, pollId: '5', seq: i + 1, nonce: newBallotNonce(), castAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
    const chained = chainBallots('5', ballots);
    const server = computePollResult(singlePoll, ballots, { head: chained[2].hash, count: 3 });
    const recount = tallyPoll(votingPollOf(singlePoll), chainTallyBallots(chained), { eligibleVoters: 4 });
    expect(recount.options).toEqual(server.tally.options);
    expect(recount.voters).toBe(server.tally.voters);
  });
});
