/**
 * What the final-count benches (ballots, owners-tally) share: the bare GROUP BY they measure the count against, and
 * rounds that alternate between the two so a noisy second on a shared machine falls on both.
 */

/** Target: the final count takes at most this many times the bare GROUP BY over the same ballots. */
export const FINAL_COUNT_TARGET = 2;

/**
 * `SELECT choice, COUNT(*) … GROUP BY choice` over one poll's ballots, kept off idx_poll_ballots_count, the index the
 * count reads: through it SQLite would fetch the rows in index order rather than table order and take several times
 * as long, which would flatter the count. SQLite reads the table straight through (the benches' databases hold
 * little besides the poll counted); MariaDB reads as it did before that index existed.
 */
export function bareGroupBySql(dialect: 'sqlite' | 'mariadb'): string {
  return `SELECT choice, COUNT(*) AS n FROM poll_ballots ${dialect === 'sqlite' ? 'NOT INDEXED' : 'IGNORE INDEX (idx_poll_ballots_count)'} WHERE poll_id = ? GROUP BY choice`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Runs the baseline and the subject alternately, one untimed round of each first (so neither pays for the other's
 * cold caches or compilation), then `rounds` timed ones; returns the medians in milliseconds.
 */
export async function alternate(rounds: number, baseline: () => Promise<unknown>, subject: () => Promise<unknown>): Promise<{ baselineMs: number; subjectMs: number }> {
  const baselines: number[] = [];
  const subjects: number[] = [];
  for (let round = -1; round < rounds; round++) {
    const b = await timeIt(baseline);
    const s = await timeIt(subject);
    if (round < 0) continue;
    baselines.push(b);
    subjects.push(s);
  }
  return { baselineMs: median(baselines), subjectMs: median(subjects) };
}
