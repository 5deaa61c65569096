import { APPROVAL3_OPTIONS, maxChoicesOf, pollOptionIds, type VotingPoll } from './ballot-rules';
import { formatPercentFloor } from './ratio';
import type { PollTally } from './tally';

/**
 * The one place a poll's votes are added up. The live board (one accepted ballot at a time), the final count
 * (from counted ballots the database has grouped) and every recount of individual ballots (createTally,
 * decideOwnerMatter) all add through addChoice and finish through tallyOfCounts, so they cannot drift apart.
 */
export interface PollCounts {
  /** Counted ballots per option, in the poll's option order. */
  votes: number[];
  /** Voters (units, in an owners' vote) whose last ballot counts. */
  voters: number;
  /** Owners' votes: counted exclusive area per option, in hundredths of m² (exact integers). */
  area?: number[];
}

export function emptyPollCounts(optionCount: number, weighted: boolean): PollCounts {
  const counts: PollCounts = { votes: new Array<number>(optionCount).fill(0), voters: 0 };
  if (weighted) counts.area = new Array<number>(optionCount).fill(0);
  return counts;
}

/** Adds `ballots` counted ballots picking `positions` (negative: takes them away), with `area` their total area. */
export function addChoice(counts: PollCounts, positions: readonly number[], ballots: number, area: number): void {
  for (const p of positions) {
    counts.votes[p] += ballots;
    if (counts.area) counts.area[p] += area;
  }
}

/**
 * The counts after one accepted ballot: the voter's previous choice (on a revote) stops counting and the new one
 * starts. `weight` is the unit's area in an owners' vote. Returns new counts; the given ones are not changed.
 */
export function applyBallotToCounts(
  counts: PollCounts,
  ballot: { positions: readonly number[]; previous: readonly number[] | null; weight?: number },
): PollCounts {
  const next: PollCounts = { votes: [...counts.votes], voters: counts.voters + (ballot.previous ? 0 : 1) };
  if (counts.area) next.area = [...counts.area];
  if (ballot.previous) addChoice(next, ballot.previous, -1, -(ballot.weight ?? 0));
  addChoice(next, ballot.positions, 1, ballot.weight ?? 0);
  return next;
}

/**
 * A choice as one integer: bit p set when the ballot picks the poll's p-th option. It lets the database group
 * and index choices as numbers; polls have at most 50 options, so every mask is a safe integer. Built with
 * arithmetic, not bit operators, which stop at 32 bits.
 */
export function choiceMask(positions: readonly number[]): number {
  let mask = 0;
  for (const p of positions) mask += 2 ** p;
  return mask;
}

/** The option positions a mask picks, ascending; null when it is not a mask of this many options. */
export function choicePositions(mask: number, optionCount: number): number[] | null {
  if (!Number.isSafeInteger(mask) || mask < 0 || mask >= 2 ** optionCount) return null;
  const positions: number[] = [];
  for (let p = 0, rest = mask; rest > 0; p++, rest = Math.floor(rest / 2)) if (rest % 2 === 1) positions.push(p);
  return positions;
}

/** Counted (last) ballots that made one choice — and in an owners' vote, were cast for units of one headcount owner. */
export interface CountGroup {
  choiceMask: number;
  ballots: number;
  /** Their units' exclusive area, hundredths of m² (owners' votes; 0 otherwise). */
  area: number;
  /**
   * Owners' votes: the roll's number for the headcount owner when that owner holds several units (indexOwnerRoll);
   * null when each unit is an owner of its own, which is every unit outside owners' votes.
   */
  head: number | null;
}

/** Headcount of an owners' vote (Art. 278): owners taking part, and owners every one of whose voting units agrees. */
export interface OwnerHeads {
  participating: number;
  agreeing: number;
}

/** The count of a poll: its tally, the counts it came from, and in an owners' vote the headcount. */
export interface PollCount {
  tally: PollTally;
  counts: PollCounts;
  heads: OwnerHeads | null;
}

const AGREE = APPROVAL3_OPTIONS.indexOf('agree');

/**
 * The final count from counted ballots grouped by choice (and headcount owner). Each group is checked against the
 * poll as a ballot would be; one that breaks its rules counts as invalid, never as votes. `ballotsReceived` is the
 * chain length: whatever was received and is neither counted nor invalid was superseded by a revote. `weighted`
 * (owners' votes) adds up area and heads as well.
 */
export function countGroups(
  poll: VotingPoll,
  groups: Iterable<CountGroup>,
  options: { ballotsReceived: number; eligibleVoters?: number; weighted?: boolean },
): PollCount {
  const optionCount = pollOptionIds(poll).length;
  const max = maxChoicesOf(poll);
  const counts = emptyPollCounts(optionCount, options.weighted === true);
  const heads = options.weighted ? { participating: 0, agreeing: 0 } : null;
  // Per headcount owner of several units: whether every unit they voted with agrees.
  const allAgree = new Map<number, boolean>();
  let invalid = 0;
  for (const group of groups) {
    const positions = choicePositions(group.choiceMask, optionCount);
    if (!positions || positions.length === 0 || positions.length > max) {
      invalid += group.ballots;
      continue;
    }
    addChoice(counts, positions, group.ballots, group.area);
    counts.voters += group.ballots;
    if (!heads) continue;
    const agrees = poll.type === 'approval3' && positions[0] === AGREE;
    if (group.head === null) {
      heads.participating += group.ballots;
      if (agrees) heads.agreeing += group.ballots;
    } else {
      allAgree.set(group.head, (allAgree.get(group.head) ?? true) && agrees);
    }
  }
  if (heads) {
    heads.participating += allAgree.size;
    for (const agrees of allAgree.values()) if (agrees) heads.agreeing++;
  }
  const tally = tallyOfCounts(poll, counts, {
    ballotsReceived: options.ballotsReceived,
    superseded: options.ballotsReceived - counts.voters - invalid,
    duplicates: 0,
    invalid,
    eligibleVoters: options.eligibleVoters,
  });
  return { tally, counts, heads };
}

/** The tally as published, from the counts and what happened to the ballots that are not counted. */
export function tallyOfCounts(
  poll: VotingPoll,
  counts: PollCounts,
  ballots: { ballotsReceived: number; superseded: number; duplicates: number; invalid: number; eligibleVoters?: number },
): PollTally {
  const ids = pollOptionIds(poll);
  const most = Math.max(0, ...counts.votes);
  const eligible = ballots.eligibleVoters;
  return {
    options: ids.map((optionId, i) => ({ optionId, votes: counts.votes[i] })),
    voters: counts.voters,
    ballotsReceived: ballots.ballotsReceived,
    superseded: ballots.superseded,
    duplicates: ballots.duplicates,
    invalid: ballots.invalid,
    turnout:
      eligible === undefined
        ? null
        : { voters: counts.voters, eligible, percent: formatPercentFloor(BigInt(counts.voters), BigInt(eligible)) },
    leaders: most === 0 ? [] : ids.filter((_, i) => counts.votes[i] === most),
  };
}
