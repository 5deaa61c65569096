import type { PollLiveCounts } from './entities/poll.entity';

/**
 * The running counts after one accepted ballot: the voter's previous choice (if this is a revote) stops
 * counting and the new one starts. `weight` is the unit's area for owners' votes (area counts), else unused.
 * Pure and total: the close recounts from the ballots, so these counts only ever feed the live display.
 */
export function applyBallotToLiveCounts(
  counts: PollLiveCounts,
  optionIds: readonly string[],
  ballot: { choice: readonly string[]; previous: readonly string[] | null; weight?: number },
): PollLiveCounts {
  const position = new Map(optionIds.map((id, i) => [id, i]));
  const votes = [...counts.votes];
  const area = counts.area ? [...counts.area] : undefined;
  const apply = (choice: readonly string[], delta: 1 | -1) => {
    for (const id of choice) {
      const p = position.get(id);
      if (p === undefined) continue;
      votes[p] += delta;
      if (area && ballot.weight !== undefined) area[p] += delta * ballot.weight;
    }
  };
  if (ballot.previous) apply(ballot.previous, -1);
  apply(ballot.choice, 1);
  const next: PollLiveCounts = { votes, voters: counts.voters + (ballot.previous ? 0 : 1) };
  if (area) next.area = area;
  return next;
}

export function emptyLiveCounts(optionCount: number, weighted: boolean): PollLiveCounts {
  const counts: PollLiveCounts = { votes: new Array<number>(optionCount).fill(0), voters: 0 };
  if (weighted) counts.area = new Array<number>(optionCount).fill(0);
  return counts;
}
