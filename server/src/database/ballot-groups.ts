import type { CountGroup } from '@linli/shared';
import type { EntityManager } from 'typeorm';

/**
 * A poll's counted ballots grouped by choice and, in an owners' vote, by headcount owner of several units, with their
 * number and area, for countGroups. A ballot counts unless a later ballot of the chain supersedes it: supersedes_seq
 * is part of what each ballot's hash covers, so this is exactly the rule anyone applies when recounting the published
 * chain (chainTallyBallots); no mutable "current" flag is trusted. NOT IN over the poll's superseded seqs is
 * evaluated once as a set by both databases, rather than probed per row as a correlated NOT EXISTS would be.
 *
 * What it buys: everything read is in idx_poll_ballots_count, in the order of the GROUP BY, so both databases answer
 * from the index alone, without a sort and without visiting the ballots, and only the groups cross the wire (a
 * handful, plus up to three per owner of several units). The count of an owners' vote of 100,000 ballots over 80,000
 * units, which read every unit's last ballot, took 17–26× a bare GROUP BY choice over the same rows on SQLite and
 * 3.4–4.2× on MariaDB; it now takes 1.3–1.7× and 0.1–0.5× (`npm run bench -- owners-tally`, a busy 2-core machine).
 * Guarded by test/api/deliberations.e2e-spec.ts (the close against a recount of every stored ballot) and
 * shared/src/voting/poll-counts.property.spec.ts (the groups' rules against a by-hand recount).
 */
const COUNTED_GROUPS =
  'SELECT b.choice_mask AS choice_mask, b.owner_head AS owner_head, COUNT(*) AS n, SUM(b.unit_area) AS area FROM poll_ballots b ' +
  'WHERE b.poll_id = ? AND b.seq NOT IN (SELECT s.supersedes_seq FROM poll_ballots s WHERE s.poll_id = ? AND s.supersedes_seq IS NOT NULL) ' +
  'GROUP BY b.choice_mask, b.owner_head';

/** Counts and sums come back as numbers (SQLite), or as strings for wide types (MariaDB's COUNT and DECIMAL SUM). */
function exactInteger(value: number | string | null): number {
  const n = value === null ? 0 : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`计票结果超出可精确计算的范围：${String(value)}`);
  return n;
}

/** The counted ballot groups of a poll; `weighted` (owners' votes) requires every group to carry its area. */
export async function countedBallotGroups(manager: EntityManager, pollId: number, weighted: boolean): Promise<CountGroup[]> {
  const rows: { choice_mask: number | string | null; owner_head: number | string | null; n: number | string; area: number | string | null }[] = await manager.query(
    COUNTED_GROUPS,
    [pollId, pollId],
  );
  if (weighted && rows.some((r) => r.area === null)) throw new Error(`业主表决 ${pollId} 的选票缺少专有部分面积`);
  return rows.map((r) => ({
    // A ballot without a mask names no option of its poll: NaN counts it as invalid.
    choiceMask: r.choice_mask === null ? Number.NaN : Number(r.choice_mask),
    head: r.owner_head === null ? null : Number(r.owner_head),
    ballots: exactInteger(r.n),
    area: exactInteger(r.area),
  }));
}
