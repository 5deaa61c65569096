import { compileBallotValidator, formatPercentFloor, pollOptionIds, type PollTally, type VotingPoll } from '@linli/shared';

/** How many counted (last) ballots made one choice. */
export interface ChoiceGroup {
  choice: readonly string[];
  ballots: number;
}

/**
 * The same PollTally as tallyPoll, from the counted ballots already grouped by choice — which is what the
 * database hands back when it keeps only each voter's last ballot and groups them itself, instead of
 * shipping every ballot. Each group is checked against the poll with the same rules as a single ballot.
 * `ballotsReceived` is the chain length; everything received but not counted was superseded by a revote
 * (the chain only ever holds ballots that passed validateBallot, so a voter's last ballot is never invalid).
 */
export function tallyFromGroups(
  poll: VotingPoll,
  groups: readonly ChoiceGroup[],
  options: { ballotsReceived: number; eligibleVoters?: number },
): PollTally {
  const ids = pollOptionIds(poll);
  const position = new Map(ids.map((id, i) => [id, i]));
  const validate = compileBallotValidator(poll);
  const counts = new Array<number>(ids.length).fill(0);
  let voters = 0;
  let invalid = 0;
  for (const group of groups) {
    const check = validate(group.choice);
    if (!check.ok) {
      invalid += group.ballots;
      continue;
    }
    voters += group.ballots;
    for (const id of check.optionIds) counts[position.get(id)!] += group.ballots;
  }
  const max = Math.max(0, ...counts);
  const eligible = options.eligibleVoters;
  return {
    options: ids.map((optionId, i) => ({ optionId, votes: counts[i] })),
    voters,
    ballotsReceived: options.ballotsReceived,
    superseded: options.ballotsReceived - voters - invalid,
    duplicates: 0,
    invalid,
    turnout: eligible === undefined ? null : { voters, eligible, percent: formatPercentFloor(BigInt(voters), BigInt(eligible)) },
    leaders: max === 0 ? [] : ids.filter((_, i) => counts[i] === max),
  };
}
