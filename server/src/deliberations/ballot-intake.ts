import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyBallotToCounts,
  chainNext,
  chainTimestamp,
  choiceMask,
  DELIBERATION_LIVE_EVENTS,
  genesisHash,
  liveRoom,
  newBallotNonce,
  type DeliberationBallotReceipt,
} from '@linli/shared';
import { DataSource, EntityManager } from 'typeorm';
import { insertRowsStatement, runRead, selectColumnsStatement, type SqlStatement } from '../database/fixed-sql';
import type { PipelinedTransaction } from '../database/pipelined-transaction';
import { LivePublisher } from '../realtime/live-publisher';
import { DeliberationErrors } from './deliberation-errors';
import { PollBallotReceipt } from './entities/ballot-receipt.entity';
import { PollBallot } from './entities/ballot.entity';
import { Poll } from './entities/poll.entity';
import { acceptsBallotsAt, pollPhase } from './poll-phase';
import { TransactionRunner } from '../database/transaction-runner';
import { receiptView, visibleCounts } from './views';

/** A checked ballot waiting for its place in the chain. */
export interface BallotRequest {
  userId: number;
  voterKey: string;
  /** Owners' votes: the unit's area in hundredths of m², and its headcount owner's number if they hold several units (indexOwnerRoll). */
  weight?: number;
  ownerHead?: number | null;
  choice: string[];
  replacesReceipt?: string;
  clientKey: string | null;
}

export interface BallotAccepted {
  receipt: DeliberationBallotReceipt;
  /** A retry of an earlier submission: nothing new was counted. */
  replayed: boolean;
}

interface Waiting {
  request: BallotRequest;
  resolve: (outcome: BallotAccepted) => void;
  reject: (error: unknown) => void;
}

type Verdict = { ok: true; outcome: BallotAccepted } | { ok: false; error: unknown };

/** A batch's outcome: a verdict per ballot, and the poll as it stands after the batch (null when it was not open). */
interface Appended {
  verdicts: Verdict[];
  poll: LockedPoll | null;
}

/** Most ballots one transaction appends. */
const MAX_BATCH = 200;

/** What appending needs of the poll row: its window, its chain and its running counts (not its owner roll). */
const LOCKED_POLL_COLUMNS = ['id', 'status', 'opensAt', 'closesAt', 'chainSeq', 'chainHead', 'liveCounts', 'options', 'hideResultsUntilClose'] as const;
type LockedPoll = Pick<Poll, (typeof LOCKED_POLL_COLUMNS)[number]>;

/** What judging a ballot needs of the voter's earlier ones: which is current, and which retries they were. */
const EARLIER_BALLOT_COLUMNS = ['pollId', 'seq', 'voterKey', 'choice', 'castAt', 'hash', 'supersedesSeq', 'clientKey'] as const;
type EarlierBallot = Pick<PollBallot, (typeof EARLIER_BALLOT_COLUMNS)[number]>;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Appends ballots to a poll's chain. Each poll has one queue per process; whatever arrived while the
 * previous transaction was committing goes into the next one together (group commit), so a busy poll pays
 * one lock, one fsync and one chain-head write per batch rather than per ballot.
 *
 * Inside the transaction the poll row is locked first and the window re-checked on it (appendPipelined,
 * appendOnSqlite), so batches from several processes still enter the chain strictly one after another, and the
 * close (a conditional UPDATE of the same row) can never interleave with one. Each ballot in a batch is judged
 * on its own: a refused one (already voted, stale revote, conflicting retry) gets its own error and does not
 * affect the others.
 */
@Injectable()
export class BallotIntake {
  private readonly logger = new Logger(BallotIntake.name);
  private readonly queues = new Map<number, Waiting[]>();

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LivePublisher,
  ) {}

  submit(pollId: number, request: BallotRequest): Promise<BallotAccepted> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(pollId);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      this.queues.set(pollId, [{ request, resolve, reject }]);
      void this.drain(pollId);
    });
  }

  private async drain(pollId: number): Promise<void> {
    for (;;) {
      const queue = this.queues.get(pollId)!;
      if (queue.length === 0) {
        this.queues.delete(pollId);
        return;
      }
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const requests = batch.map((w) => w.request);
        const { verdicts, poll } = this.transactions.isSqlite
          ? await this.transactions.run((manager) => this.appendOnSqlite(manager, pollId, requests))
          : await this.transactions.runPipelined((tx) => this.appendPipelined(tx, pollId, requests));
        batch.forEach((w, i) => {
          const verdict = verdicts[i];
          if (verdict.ok) w.resolve(verdict.outcome);
          else w.reject(verdict.error);
        });
        // After commit: one live update per batch, carrying the chain length it reflects.
        if (poll && !poll.hideResultsUntilClose && verdicts.some((v) => v.ok && !v.outcome.replayed)) {
          this.live.publish(liveRoom('poll', pollId), { seq: poll.chainSeq, type: DELIBERATION_LIVE_EVENTS.pollCounts, data: visibleCounts(poll) });
        }
      } catch (error) {
        this.logger.error({ msg: 'ballot batch failed', pollId, size: batch.length, error: String(error) });
        for (const w of batch) w.reject(error);
      }
    }
  }

  /**
   * SQLite: a conditional UPDATE first, which takes the database's write lock at once (a second process retries
   * on SQLITE_BUSY) and checks the window on the row, then the reads; the statements cost no round trips there.
   */
  private async appendOnSqlite(manager: EntityManager, pollId: number, requests: BallotRequest[]): Promise<Appended> {
    const now = new Date();
    const touched = await manager
      .createQueryBuilder()
      .update(Poll)
      .set({ chainSeq: () => 'chain_seq' })
      .where('id = :id AND status = :open AND opens_at <= :now AND closes_at > :now', { id: pollId, open: 'open', now })
      .execute();
    const [poll] = await runRead(manager, this.pollRead(pollId, ''));
    if (touched.affected !== 1 || !poll) return refusedAll(poll ?? null, now, requests);
    const earlier = await runRead(manager, this.earlierRead(pollId, requests));
    const judged = this.judge(pollId, poll, earlier, requests);
    for (const statement of this.writes(pollId, judged)) await manager.query(statement.sql, statement.params);
    return judged.appended;
  }

  /**
   * MariaDB: the poll's row locked (FOR UPDATE: the close's UPDATE of the row waits for this batch) and read with
   * the voters' earlier ballots in one group with the transaction's start, the window checked on the locked row,
   * then the three writes in one group, then the commit: three turns of the event loop in all.
   */
  private async appendPipelined(tx: PipelinedTransaction, pollId: number, requests: BallotRequest[]): Promise<Appended> {
    const now = new Date();
    const pollRead = this.pollRead(pollId, 'FOR UPDATE');
    const earlierRead = this.earlierRead(pollId, requests);
    const [pollRows, earlierRows] = (await tx.send([pollRead.statement, earlierRead.statement])) as Record<string, unknown>[][];
    const [poll] = pollRead.hydrate(pollRows);
    if (!poll || !acceptsBallotsAt(poll, now)) return refusedAll(poll ?? null, now, requests);
    const judged = this.judge(pollId, poll, earlierRead.hydrate(earlierRows), requests);
    const writes = this.writes(pollId, judged);
    if (writes.length) await tx.send(writes);
    return judged.appended;
  }

  private pollRead(pollId: number, suffix: string) {
    return selectColumnsStatement(this.dataSource.manager, Poll, LOCKED_POLL_COLUMNS, 'id = ?', [pollId], suffix);
  }

  /**
   * The batch's voters' current ballots (the ones no later ballot supersedes) and, for the retries in the
   * batch, the ballots carrying their client keys: a voter's older ballots are not read at all.
   */
  private earlierRead(pollId: number, requests: BallotRequest[]) {
    const voterKeys = [...new Set(requests.map((r) => r.voterKey))];
    const clientKeys = [...new Set(requests.flatMap((r) => (r.clientKey ? [r.clientKey] : [])))];
    const current = 'NOT EXISTS (SELECT 1 FROM poll_ballots later WHERE later.poll_id = poll_ballots.poll_id AND later.supersedes_seq = poll_ballots.seq)';
    return selectColumnsStatement(
      this.dataSource.manager,
      PollBallot,
      EARLIER_BALLOT_COLUMNS,
      `poll_id = ? AND voter_key IN (${marks(voterKeys.length)}) AND (${current}${clientKeys.length ? ` OR client_key IN (${marks(clientKeys.length)})` : ''})`,
      [pollId, ...voterKeys, ...clientKeys],
      'ORDER BY seq',
    );
  }

  /**
   * Judges each ballot of the batch against the voters' earlier ones and those before it in the batch, and
   * chains the accepted ones after the poll's head. Pure apart from the nonces and timestamps it draws.
   */
  private judge(pollId: number, poll: LockedPoll, earlier: EarlierBallot[], requests: BallotRequest[]) {
    const base = poll.chainSeq;
    const position = new Map(poll.options.map((o, i) => [o.id, i]));
    const positionsOf = (choice: readonly string[]) => choice.flatMap((id) => position.get(id) ?? []);

    const latest = new Map<string, EarlierBallot>();
    const byClientKey = new Map<string, EarlierBallot>();
    const remember = (ballot: EarlierBallot) => {
      latest.set(ballot.voterKey, ballot);
      if (ballot.clientKey) byClientKey.set(`${ballot.voterKey}\u0000${ballot.clientKey}`, ballot);
    };
    earlier.forEach(remember);

    let head = poll.chainHead ?? genesisHash(String(pollId));
    let liveCounts = poll.liveCounts;
    const ballots: Omit<PollBallot, 'id'>[] = [];
    const receipts: Partial<PollBallotReceipt>[] = [];
    const verdicts: Verdict[] = requests.map((request) => {
      if (request.clientKey) {
        const retried = byClientKey.get(`${request.voterKey}\u0000${request.clientKey}`);
        if (retried) {
          if (retried.choice.join('\u0000') !== request.choice.join('\u0000')) return { ok: false, error: DeliberationErrors.idempotencyConflict() };
          return { ok: true, outcome: { receipt: receiptView(retried), replayed: true } };
        }
      }
      const current = latest.get(request.voterKey);
      if (current && !request.replacesReceipt) return { ok: false, error: DeliberationErrors.ballotExists(current.seq) };
      if (request.replacesReceipt && (!current || current.hash !== request.replacesReceipt.toLowerCase())) {
        return { ok: false, error: DeliberationErrors.ballotChanged() };
      }
      const seq = base + ballots.length + 1;
      const castAt = chainTimestamp(new Date());
      const nonce = newBallotNonce();
      const supersedesSeq = current ? current.seq : undefined;
      const prevHash = head;
      head = chainNext(prevHash, { pollId: String(pollId), seq, nonce, choice: request.choice, castAt, supersedesSeq });
      const positions = positionsOf(request.choice);
      const ballot = {
        pollId,
        seq,
        voterKey: request.voterKey,
        choice: request.choice,
        nonce,
        castAt,
        hash: head,
        prevHash,
        supersedesSeq: supersedesSeq ?? null,
        clientKey: request.clientKey,
        choiceMask: choiceMask(positions),
        unitArea: request.weight ?? null,
        ownerHead: request.ownerHead ?? null,
      };
      ballots.push(ballot);
      receipts.push({ pollId, userId: request.userId, voterKey: request.voterKey, seq, receipt: head });
      liveCounts = applyBallotToCounts(liveCounts, { positions, previous: current ? positionsOf(current.choice) : null, weight: request.weight });
      remember(ballot);
      return { ok: true, outcome: { receipt: receiptView(ballot), replayed: false } };
    });

    const chainSeq = base + ballots.length;
    const appended: Appended = { verdicts, poll: Object.assign(poll, { chainSeq, chainHead: ballots.length ? head : poll.chainHead, liveCounts }) };
    return { appended, ballots, receipts };
  }

  /**
   * What an accepted batch writes: its ballots, their receipts, the poll's new chain head and counts. Nothing
   * generated by the database is needed back (receipts are built from the chain), so nothing is read back.
   */
  private writes(pollId: number, { appended, ballots, receipts }: ReturnType<BallotIntake['judge']>): SqlStatement[] {
    if (ballots.length === 0) return [];
    const poll = appended.poll!;
    const manager = this.dataSource.manager;
    return [
      insertRowsStatement(manager, PollBallot, ballots),
      insertRowsStatement(manager, PollBallotReceipt, receipts),
      { sql: 'UPDATE polls SET chain_seq = ?, chain_head = ?, live_counts = ? WHERE id = ?', params: [poll.chainSeq, poll.chainHead, JSON.stringify(poll.liveCounts), pollId] },
    ];
  }
}

/** A batch that arrived when the poll was not open: each ballot gets the same refusal. */
function refusedAll(poll: LockedPoll | null, now: Date, requests: BallotRequest[]): Appended {
  const phase = poll ? pollPhase(poll, now) : 'closed';
  const error = DeliberationErrors.pollNotOpen(phase === 'scheduled' ? 'scheduled' : 'closed');
  return { verdicts: requests.map(() => ({ ok: false, error })), poll: null };
}
