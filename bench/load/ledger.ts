import { createConnection } from 'mysql2/promise';

export interface AckedReport {
  caseId: number;
  reporterId: number;
  clientKey: string;
}

export interface AckedBallot {
  pollId: number;
  userId: number;
  receipt: string;
}

export interface AckedComment {
  commentId: number;
  deliberationId: number;
  userId: number;
}

export interface Verdict {
  acknowledged: { reports: number; ballots: number; comments: number };
  lost: string[];
  duplicated: string[];
}

/**
 * Every write the crowd was told succeeded (a 2xx answer), kept with what identifies it, and the check that each
 * one is in the database afterwards: a report by id and client key, a ballot by its receipt, a comment by id.
 * It also finds writes a retry made twice: two cases with one reporter's client key cannot exist (unique), so
 * the checks are one ballot row per voter (nobody in the scenario revotes) and one receipt per ballot.
 */
export class Ledger {
  readonly reports: AckedReport[] = [];
  readonly ballots: AckedBallot[] = [];
  readonly comments: AckedComment[] = [];
  /** Writes whose answer never came (cut connection, hung): they may or may not exist, and are not checked. */
  unknown = 0;

  async verify(sqlUri: string): Promise<Verdict> {
    const conn = await createConnection({ uri: sqlUri });
    const lost: string[] = [];
    const duplicated: string[] = [];
    try {
      const ids = async (sql: string, params: unknown[]): Promise<any[]> => ((await conn.query(sql, params)) as any)[0];
      for (let i = 0; i < this.reports.length; i += 500) {
        const chunk = this.reports.slice(i, i + 500);
        const rows = await ids('SELECT id, reporter_id, client_key FROM cases WHERE id IN (?)', [chunk.map((r) => r.caseId)]);
        const found = new Map(rows.map((r) => [Number(r.id), r]));
        for (const r of chunk) {
          const row = found.get(r.caseId);
          if (!row || Number(row.reporter_id) !== r.reporterId || row.client_key !== r.clientKey) lost.push(`report case ${r.caseId} (client key ${r.clientKey})`);
        }
      }
      for (let i = 0; i < this.ballots.length; i += 500) {
        const chunk = this.ballots.slice(i, i + 500);
        const rows = await ids('SELECT poll_id, user_id, receipt FROM poll_ballot_receipts WHERE receipt IN (?)', [chunk.map((b) => b.receipt)]);
        const found = new Set(rows.map((r) => `${r.poll_id}/${r.user_id}/${r.receipt}`));
        for (const b of chunk) if (!found.has(`${b.pollId}/${b.userId}/${b.receipt}`)) lost.push(`ballot of user ${b.userId} in poll ${b.pollId} (receipt ${b.receipt.slice(0, 12)}…)`);
        const chained = await ids('SELECT hash FROM poll_ballots WHERE hash IN (?)', [chunk.map((b) => b.receipt)]);
        const inChain = new Set(chained.map((r) => r.hash));
        for (const b of chunk) if (!inChain.has(b.receipt)) lost.push(`ballot row of user ${b.userId} in poll ${b.pollId} (receipt ${b.receipt.slice(0, 12)}…)`);
      }
      for (let i = 0; i < this.comments.length; i += 500) {
        const chunk = this.comments.slice(i, i + 500);
        const rows = await ids('SELECT id FROM deliberation_comments WHERE id IN (?)', [chunk.map((c) => c.commentId)]);
        const found = new Set(rows.map((r) => Number(r.id)));
        for (const c of chunk) if (!found.has(c.commentId)) lost.push(`comment ${c.commentId} by user ${c.userId}`);
      }
      const twice = await ids('SELECT poll_id, voter_key, COUNT(*) AS n FROM poll_ballots GROUP BY poll_id, voter_key HAVING COUNT(*) > 1', []);
      for (const r of twice) duplicated.push(`poll ${r.poll_id}: ${r.n} ballots from ${r.voter_key}`);
    } finally {
      await conn.end();
    }
    return { acknowledged: { reports: this.reports.length, ballots: this.ballots.length, comments: this.comments.length }, lost, duplicated };
  }
}
