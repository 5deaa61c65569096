import {
  createTally,
  type Approval3Choice,
  decideOwnerMatter,
  type DeliberationPollResult,
  type OwnerDecision,
  type OwnerMatter,
  type PollTally,
  type VotingPoll,
} from '@linli/shared';
import type { PollRollUnit } from './entities/poll.entity';

export interface PollForResult {
  title: string;
  type: VotingPoll['type'];
  options: { id: string; label: string }[];
  maxChoices: number;
  eligibleCount: number;
  ownerMatter: OwnerMatter | null;
  ownerRoll: PollRollUnit[] | null;
}

/** A stored ballot as the count needs it: the chain seq is the tally seq ("the last one counts"). */
export interface ResultBallot {
  voterKey: string;
  seq: number;
  choice: readonly string[];
}

export const UNIT_VOTER_PREFIX = 'unit:';

export function votingPollOf(poll: Pick<PollForResult, 'type' | 'options' | 'maxChoices'>): VotingPoll {
  if (poll.type === 'approval3') return { type: 'approval3' };
  const optionIds = poll.options.map((o) => o.id);
  return poll.type === 'multiple' ? { type: 'multiple', optionIds, maxChoices: poll.maxChoices } : { type: 'single', optionIds };
}

/**
 * The final result of a poll from all its accepted ballots: the one-person-one-vote tally, and for an
 * owners' vote the Art. 278 decision over the roll fixed at creation. Pure, so the close job and anyone
 * recounting the published chain get the same numbers.
 */
export function computePollResult(
  poll: PollForResult,
  ballots: Iterable<ResultBallot>,
  chain: { head: string; count: number },
): Omit<DeliberationPollResult, 'bulletinPostId'> {
  const tally = createTally(votingPollOf(poll), { eligibleVoters: poll.eligibleCount });
  const all: ResultBallot[] = [];
  for (const ballot of ballots) {
    tally.add(ballot);
    if (poll.ownerRoll) all.push(ballot);
  }
  return resultFromTally(poll, tally.result(), poll.ownerRoll ? all : null, chain);
}

/**
 * The result from a finished tally; for an owners' vote `unitBallots` are the units' ballots (all of them,
 * or only each unit's last — the decision keeps the highest seq per unit either way).
 */
export function resultFromTally(
  poll: PollForResult,
  tally: PollTally,
  unitBallots: readonly ResultBallot[] | null,
  chain: { head: string; count: number },
): Omit<DeliberationPollResult, 'bulletinPostId'> {
  const ownerDecision =
    poll.ownerRoll && poll.ownerMatter
      ? decideOwnerMatter(
          poll.ownerMatter,
          poll.ownerRoll.map((u) => ({ unitId: u.unitId, ownerKey: u.ownerKey, exclusiveArea: u.exclusiveArea })),
          (unitBallots ?? []).map((b) => ({
            unitId: b.voterKey.slice(UNIT_VOTER_PREFIX.length),
            choice: b.choice[0] as Approval3Choice,
            seq: b.seq,
          })),
        )
      : null;
  return {
    tally,
    ownerDecision,
    summary: summarisePollResult(poll, tally, ownerDecision),
    chainHead: chain.head,
    chainCount: chain.count,
  };
}

/** The plain-Chinese paragraph the bulletin board prints. */
export function summarisePollResult(poll: PollForResult, tally: PollTally, ownerDecision: OwnerDecision | null): string {
  if (ownerDecision) return `业主表决“${poll.title}”已结束。${ownerDecision.explanation}`;
  const label = new Map(poll.options.map((o) => [o.id, o.label]));
  const turnout = tally.turnout ? `（有投票权 ${tally.turnout.eligible} 人，参与率 ${tally.turnout.percent}）` : '';
  const lines = tally.options.map((o) => `${label.get(o.optionId) ?? o.optionId} ${o.votes} 票`).join('；');
  const leaders = tally.leaders.map((id) => label.get(id) ?? id);
  const outcome =
    leaders.length === 0 ? '无人投票。' : leaders.length === 1 ? `得票最多的是“${leaders[0]}”。` : `“${leaders.join('”“')}”得票相同并列最多。`;
  return `投票“${poll.title}”已结束，共 ${tally.voters} 人参与${turnout}。各选项得票：${lines}。${outcome}`;
}
