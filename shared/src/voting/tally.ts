import { maxChoicesOf, pollOptionIds, VotingChoice, VotingPoll } from './ballot-rules';
import { addChoice, emptyPollCounts, tallyOfCounts } from './poll-counts';

/**
 * One-person-one-vote counting for ordinary polls (议题投票). Owner decisions weighted by floor area
 * are a different rule: see owner-decision.ts.
 *
 * The "last one counts" rule: a voter may vote again while the poll is open, and only their ballot
 * with the highest `seq` counts. `seq` is the acceptance order the server assigns (the same number the
 * ballot carries in the receipt chain); it is used instead of a timestamp because clocks tie within a
 * millisecond and can step backwards. Ballots may reach the tally in any order — a ballot older than
 * one already seen from the same voter is ignored, a newer one replaces it — so the result depends
 * only on the set of ballots, not on the order they are read in.
 */
export interface TallyBallot {
  voterKey: string;
  seq: number;
  choice: VotingChoice;
}

export interface TallyOptions {
  /** Voters entitled to vote in this poll (the electorate when the poll opened); enables turnout. */
  eligibleVoters?: number;
}

/** What happened to one ballot handed to the tally. */
export type TallyAddOutcome =
  | 'counted' // first ballot of this voter
  | 'replaced' // newer than the voter's earlier ballot, which stops counting
  | 'superseded' // older than a ballot already seen from this voter: ignored
  | 'duplicate' // the very ballot seen before (same voter, same seq, same choice): ignored
  | 'invalid'; // fails the poll's ballot rules: ignored, never replaces a valid ballot

export interface PollTally {
  /** Votes per option in the poll's option order. */
  options: { optionId: string; votes: number }[];
  /** Voters whose last ballot is counted. */
  voters: number;
  ballotsReceived: number;
  superseded: number;
  duplicates: number;
  invalid: number;
  /** Counted voters against the electorate; null when the electorate is unknown. */
  turnout: { voters: number; eligible: number; percent: string } | null;
  /** Options with the most votes: several on a tie, none when nothing was counted. */
  leaders: string[];
}

export interface PollTallyStream {
  add(ballot: TallyBallot): TallyAddOutcome;
  result(): PollTally;
}

interface LastBallot {
  seq: number;
  positions: number[];
}

/**
 * A streaming tally: `add` is O(options picked) per ballot, `result` O(options). It counts through
 * poll-counts.ts, as the live board and the final count do. Ballots are checked
 * against the poll with the same verdict as validateBallot (an invalid one is ignored); the check is
 * inlined here because it runs on every ballot.
 */
export function createTally(poll: VotingPoll, options: TallyOptions = {}): PollTallyStream {
  const eligible = options.eligibleVoters;
  if (eligible !== undefined && !(Number.isSafeInteger(eligible) && eligible >= 0)) {
    throw new RangeError(`有投票权人数无效：${String(eligible)}`);
  }
  const ids = pollOptionIds(poll);
  const positionOf = new Map(ids.map((id, i) => [id, i]));
  const max = maxChoicesOf(poll);
  const counts = emptyPollCounts(ids.length, false);
  const last = new Map<string, LastBallot>();
  // Duplicate detection without allocating a Set per ballot: an option is taken in this ballot
  // when its mark equals the current ballot's generation.
  const mark = new Uint32Array(ids.length);
  let generation = 0;
  let received = 0;
  let superseded = 0;
  let duplicates = 0;
  let invalid = 0;

  /** Option positions of a valid choice (the same verdict as validateBallot), or null. */
  const positionsOf = (choice: VotingChoice): number[] | null => {
    if (!Array.isArray(choice) || choice.length === 0 || choice.length > max) return null;
    if (++generation === 0xffffffff) {
      mark.fill(0);
      generation = 1;
    }
    const positions = new Array<number>(choice.length);
    for (let i = 0; i < choice.length; i++) {
      const p = positionOf.get(choice[i]);
      if (p === undefined || mark[p] === generation) return null;
      mark[p] = generation;
      positions[i] = p;
    }
    return positions;
  };

  const apply = (positions: number[], delta: 1 | -1) => addChoice(counts, positions, delta, 0);

  const add = (ballot: TallyBallot): TallyAddOutcome => {
    received++;
    if (!Number.isSafeInteger(ballot.seq)) throw new RangeError(`投票序号无效：${String(ballot.seq)}`);
    const positions = positionsOf(ballot.choice);
    if (!positions) {
      invalid++;
      return 'invalid';
    }
    const previous = last.get(ballot.voterKey);
    if (!previous) {
      last.set(ballot.voterKey, { seq: ballot.seq, positions });
      apply(positions, 1);
      return 'counted';
    }
    if (ballot.seq === previous.seq) {
      // Seq numbers are unique per poll, so an equal seq is the same ballot delivered twice; a different
      // choice under the same seq means the ballot store is corrupt, and guessing would hide that.
      if (!samePositions(positions, previous.positions)) {
        throw new Error(`选票数据冲突：投票人 ${ballot.voterKey} 的第 ${ballot.seq} 号选票出现两个不同的选择`);
      }
      duplicates++;
      return 'duplicate';
    }
    superseded++;
    if (ballot.seq < previous.seq) return 'superseded';
    apply(previous.positions, -1);
    apply(positions, 1);
    previous.seq = ballot.seq;
    previous.positions = positions;
    return 'replaced';
  };

  const result = (): PollTally =>
    tallyOfCounts(poll, { votes: counts.votes, voters: last.size }, { ballotsReceived: received, superseded, duplicates, invalid, eligibleVoters: eligible });

  return { add, result };
}

/** Tallies a whole list of ballots at once. */
export function tallyPoll(poll: VotingPoll, ballots: Iterable<TallyBallot>, options: TallyOptions = {}): PollTally {
  const tally = createTally(poll, options);
  for (const ballot of ballots) tally.add(ballot);
  return tally.result();
}

/** Same options picked, in any order (positions are kept in the order the voter gave them). */
function samePositions(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort((x, y) => x - y);
  return [...a].sort((x, y) => x - y).every((p, i) => p === sortedB[i]);
}
