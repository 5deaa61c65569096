import {
  createTally,
  type Approval3Choice,
  decideOwnerMatter,
  decideOwnerMatterFromCount,
  type DeliberationPollResult,
  type OwnerDecision,
  type OwnerMatter,
  type OwnerTotals,
  type OwnerUnit,
  type PollCount,
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
  /** The roll's totals, stored with it (indexOwnerRoll). */
  ownerTotals: OwnerTotals | null;
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

/** The roll as the Art. 278 rules read it. */
export function ownerUnitsOf(roll: readonly PollRollUnit[]): OwnerUnit[] {
  return roll.map((u) => ({ unitId: u.unitId, ownerKey: u.ownerKey, exclusiveArea: u.exclusiveArea }));
}

/**
 * The result of a poll recounted from all its accepted ballots one by one: the one-person-one-vote tally, and
 * for an owners' vote the Art. 278 decision over the roll fixed at creation. Pure, so anyone recounting the
 * published chain gets the same numbers as the close's count from grouped ballots (resultFromCount).
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
  const ownerDecision =
    poll.ownerRoll && poll.ownerMatter
      ? decideOwnerMatter(
          poll.ownerMatter,
          ownerUnitsOf(poll.ownerRoll),
          all.map((b) => ({ unitId: b.voterKey.slice(UNIT_VOTER_PREFIX.length), choice: b.choice[0] as Approval3Choice, seq: b.seq })),
        )
      : null;
  return resultOf(poll, tally.result(), ownerDecision, chain);
}

/** The result from the count of a poll's grouped ballots (countGroups, weighted for an owners' vote). */
export function resultFromCount(
  poll: PollForResult,
  count: PollCount,
  chain: { head: string; count: number },
): Omit<DeliberationPollResult, 'bulletinPostId'> {
  if (poll.ownerMatter && !poll.ownerTotals) throw new Error('业主表决缺少业主名册的合计');
  const ownerDecision = poll.ownerMatter && poll.ownerTotals ? decideOwnerMatterFromCount(poll.ownerMatter, poll.ownerTotals, count) : null;
  return resultOf(poll, count.tally, ownerDecision, chain);
}

function resultOf(
  poll: PollForResult,
  tally: PollTally,
  ownerDecision: OwnerDecision | null,
  chain: { head: string; count: number },
): Omit<DeliberationPollResult, 'bulletinPostId'> {
  return { tally, ownerDecision, summary: summarisePollResult(poll, tally, ownerDecision), chainHead: chain.head, chainCount: chain.count };
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
