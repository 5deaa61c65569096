/**
 * Poll tally: the streaming createTally (one pass, O(options picked) per ballot, ballots in any order)
 * against the obvious batch method (sort by seq, keep each voter's last ballot, group them by choice and
 * count the groups as the final count does), on the same 100,000 generated ballots in one run. Both count
 * through the one implementation in shared/src/voting/poll-counts.ts. A fifth of the ballots are revotes and the ballots arrive
 * shuffled, so "last one counts" is exercised. Two measurements:
 *  - a full count of all ballots (where the batch method's native sort is hard to beat), and
 *  - a live bulletin board: the last 1,000 ballots arrive one at a time and the board refreshes after
 *    each, which is what streaming is for (the batch method must recount everything each time).
 * Throws if the two methods ever disagree.
 */
import { choiceMask, countGroups, createTally, type CountGroup, type TallyBallot, type VotingPoll } from '../shared/src/voting';

const BALLOTS = 100_000;
const MIN_TIMED_MS = 300;
const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
const poll: VotingPoll = { type: 'multiple', optionIds: OPTION_IDS, maxChoices: 3 };

const LIVE_ARRIVALS = 1_000;

export interface TallyBenchResult {
  ballots: number;
  streamingPerSecond: number;
  batchPerSecond: number;
  speedUp: number;
  liveStreamingRefreshesPerSecond: number;
  liveBatchRefreshesPerSecond: number;
  liveSpeedUp: number;
}

/** A small deterministic generator (mulberry32), so every run tallies the same ballots. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateBallots(): TallyBallot[] {
  const rand = seeded(42);
  const voters = Math.round(BALLOTS * 0.8);
  const ballots: TallyBallot[] = [];
  for (let seq = 1; seq <= BALLOTS; seq++) {
    // The first `voters` ballots are one per voter; the rest are revotes by random earlier voters.
    const voter = seq <= voters ? seq : 1 + Math.floor(rand() * voters);
    const picks = OPTION_IDS.filter(() => rand() < 0.3).slice(0, 3);
    ballots.push({ voterKey: `voter-${voter}`, seq, choice: picks.length ? picks : ['a'] });
  }
  for (let i = ballots.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ballots[i], ballots[j]] = [ballots[j], ballots[i]];
  }
  return ballots;
}

function streamingTally(ballots: TallyBallot[]): number[] {
  const tally = createTally(poll);
  for (const b of ballots) tally.add(b);
  return tally.result().options.map((o) => o.votes);
}

function batchTally(ballots: TallyBallot[]): number[] {
  const last = new Map<string, TallyBallot>();
  for (const b of [...ballots].sort((x, y) => x.seq - y.seq)) last.set(b.voterKey, b);
  const groups = new Map<number, CountGroup>();
  for (const b of last.values()) {
    const mask = choiceMask(b.choice.map((id) => OPTION_IDS.indexOf(id)));
    const group = groups.get(mask) ?? { choiceMask: mask, ballots: 0, area: 0, head: null };
    group.ballots++;
    groups.set(mask, group);
  }
  return countGroups(poll, groups.values(), { ballotsReceived: ballots.length }).tally.options.map((o) => o.votes);
}

/** Runs fn over the whole ballot set until at least MIN_TIMED_MS have passed; returns ballots per second. */
function measure(ballots: TallyBallot[], fn: (b: TallyBallot[]) => number[]): { perSecond: number; votes: number[] } {
  let processed = 0;
  let votes: number[] = [];
  const started = process.hrtime.bigint();
  let elapsedNs = 0n;
  do {
    votes = fn(ballots);
    processed += ballots.length;
    elapsedNs = process.hrtime.bigint() - started;
  } while (elapsedNs < BigInt(MIN_TIMED_MS) * 1_000_000n);
  return { perSecond: processed / (Number(elapsedNs) / 1e9), votes };
}

/**
 * Refreshes per second while the last LIVE_ARRIVALS ballots arrive one by one after the rest are
 * counted. Only the refreshes are timed; loading the earlier ballots is not.
 */
function measureLive(ballots: TallyBallot[]): { streaming: number; batch: number; agree: boolean } {
  const preload = ballots.slice(0, ballots.length - LIVE_ARRIVALS);
  const arrivals = ballots.slice(ballots.length - LIVE_ARRIVALS);
  const budgetNs = BigInt(MIN_TIMED_MS) * 1_000_000n;

  let streamingRefreshes = 0;
  let streamingNs = 0n;
  let finalStreaming: number[] = [];
  do {
    const tally = createTally(poll);
    for (const b of preload) tally.add(b);
    const started = process.hrtime.bigint();
    for (const b of arrivals) {
      tally.add(b);
      finalStreaming = tally.result().options.map((o) => o.votes);
    }
    streamingNs += process.hrtime.bigint() - started;
    streamingRefreshes += arrivals.length;
  } while (streamingNs < budgetNs);

  let batchRefreshes = 0;
  let batchVotes: number[] = [];
  const seen = [...preload];
  const started = process.hrtime.bigint();
  let batchNs = 0n;
  for (let i = 0; i < arrivals.length && batchNs < budgetNs; i++) {
    seen.push(arrivals[i]);
    batchVotes = batchTally(seen);
    batchRefreshes++;
    batchNs = process.hrtime.bigint() - started;
  }
  // The batch method rarely gets through every arrival in its time budget: compare where it stopped.
  const check = createTally(poll);
  for (const b of seen) check.add(b);
  const agree = check.result().options.map((o) => o.votes).join() === batchVotes.join() && finalStreaming.length > 0;
  return {
    streaming: streamingRefreshes / (Number(streamingNs) / 1e9),
    batch: batchRefreshes / (Number(batchNs) / 1e9),
    agree,
  };
}

export default async function run(): Promise<TallyBenchResult> {
  const ballots = generateBallots();
  // Warm both paths up before timing either.
  streamingTally(ballots.slice(0, 5_000));
  batchTally(ballots.slice(0, 5_000));

  const streaming = measure(ballots, streamingTally);
  const batch = measure(ballots, batchTally);
  if (streaming.votes.join() !== batch.votes.join()) {
    throw new Error(`tallies disagree: streaming ${streaming.votes.join()} vs batch ${batch.votes.join()}`);
  }

  const live = measureLive(ballots);
  if (!live.agree) throw new Error('live tallies disagree');

  const result: TallyBenchResult = {
    ballots: BALLOTS,
    streamingPerSecond: streaming.perSecond,
    batchPerSecond: batch.perSecond,
    speedUp: streaming.perSecond / batch.perSecond,
    liveStreamingRefreshesPerSecond: live.streaming,
    liveBatchRefreshesPerSecond: live.batch,
    liveSpeedUp: live.streaming / live.batch,
  };
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(14);
  process.stdout.write(
    [
      `${BALLOTS.toLocaleString('en-US')} ballots, shuffled, 20% revotes; votes per option ${streaming.votes.join(' / ')}`,
      `${'method'.padEnd(26)}${'ballots/s'.padStart(14)}`,
      `${'createTally (streaming)'.padEnd(26)}${fmt(streaming.perSecond)}`,
      `${'sort + last per voter'.padEnd(26)}${fmt(batch.perSecond)}`,
      `${'speed-up'.padEnd(26)}${`${result.speedUp.toFixed(1)}x`.padStart(14)}`,
      `live board, last ${LIVE_ARRIVALS.toLocaleString('en-US')} ballots arriving one by one`,
      `${'method'.padEnd(26)}${'refreshes/s'.padStart(14)}`,
      `${'add + result()'.padEnd(26)}${fmt(live.streaming)}`,
      `${'recount everything'.padEnd(26)}${fmt(live.batch)}`,
      `${'speed-up'.padEnd(26)}${`${result.liveSpeedUp.toFixed(0)}x`.padStart(14)}`,
      '',
    ].join('\n'),
  );
  return result;
}
