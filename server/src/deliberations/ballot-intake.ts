import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chainNext, chainTimestamp, DELIBERATION_LIVE_EVENTS, genesisHash, liveRoom, newBallotNonce, type DeliberationBallotReceipt } from '@linli/shared';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows, selectColumns } from '../database/fixed-sql';
import { LivePublisher } from '../realtime/live-publisher';
import { DeliberationErrors } from './deliberation-errors';
import { PollBallotReceipt } from './entities/ballot-receipt.entity';
import { PollBallot } from './entities/ballot.entity';
import { Poll } from './entities/poll.entity';
import { applyBallotToLiveCounts } from './live-counts';
import { acceptsBallotsAt, pollPhase } from './poll-phase';
import { TransactionRunner } from '../database/transaction-runner';
import { receiptView, visibleCounts } from './views';

/** A checked ballot waiting for its place in the chain. */
export interface BallotRequest {
  userId: number;
  voterKey: string;
  /** Area in hundredths of m² for owners' votes. */
  weight?: number;
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
 * Inside the transaction the poll row is locked first and the window re-checked on it (see lockOpenPoll), so
 * batches from several processes still enter the chain strictly one after another, and the close (a
 * conditional UPDATE of the same row) can never interleave with one. Each ballot in a batch is judged on its own: a refused one (already voted, stale revote, conflicting retry) gets its own
 * error and does not affect the others.
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
        const { verdicts, poll } = await this.transactions.run((manager) => this.append(manager, pollId, batch.map((w) => w.request)));
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
   * Locks the poll's row until commit and reads it. MariaDB: one `SELECT … FOR UPDATE` (the close's UPDATE of
   * the row waits for it), the window checked on the locked row. SQLite: a conditional UPDATE first, which
   * takes the database's write lock at once (a second process retries on SQLITE_BUSY), then the read; the
   * extra statement costs no round trip there.
   */
  private async lockOpenPoll(manager: EntityManager, pollId: number, now: Date): Promise<{ open: true; poll: LockedPoll } | { open: false; poll: LockedPoll | null }> {
    if (!this.transactions.isSqlite) {
      const [poll] = await selectColumns(manager, Poll, LOCKED_POLL_COLUMNS, 'id = ?', [pollId], 'FOR UPDATE');
      return poll && acceptsBallotsAt(poll, now) ? { open: true, poll } : { open: false, poll: poll ?? null };
    }
    const touched = await manager
      .createQueryBuilder()
      .update(Poll)
      .set({ chainSeq: () => 'chain_seq' })
      .where('id = :id AND status = :open AND opens_at <= :now AND closes_at > :now', { id: pollId, open: 'open', now })
      .execute();
    const [poll] = await selectColumns(manager, Poll, LOCKED_POLL_COLUMNS, 'id = ?', [pollId]);
    return touched.affected === 1 && poll ? { open: true, poll } : { open: false, poll: poll ?? null };
  }

  /**
   * The batch's voters' current ballots (the ones no later ballot supersedes) and, for the retries in the
   * batch, the ballots carrying their client keys: a voter's older ballots are not read at all.
   */
  private earlierBallots(manager: EntityManager, pollId: number, requests: BallotRequest[]): Promise<EarlierBallot[]> {
    const voterKeys = [...new Set(requests.map((r) => r.voterKey))];
    const clientKeys = [...new Set(requests.flatMap((r) => (r.clientKey ? [r.clientKey] : [])))];
    const current = 'NOT EXISTS (SELECT 1 FROM poll_ballots later WHERE later.poll_id = poll_ballots.poll_id AND later.supersedes_seq = poll_ballots.seq)';
    return selectColumns(
      manager,
      PollBallot,
      EARLIER_BALLOT_COLUMNS,
      `poll_id = ? AND voter_key IN (${marks(voterKeys.length)}) AND (${current}${clientKeys.length ? ` OR client_key IN (${marks(clientKeys.length)})` : ''})`,
      [pollId, ...voterKeys, ...clientKeys],
      'ORDER BY seq',
    );
  }

  private async append(manager: EntityManager, pollId: number, requests: BallotRequest[]): Promise<{ verdicts: Verdict[]; poll: LockedPoll | null }> {
    const now = new Date();
    // On MariaDB both reads are handed to the connection at once: it sends the second as soon as the first (the
    // lock) is answered, without a turn through this busy event loop in between — each turn can wait behind
    // many requests' parsing and checking, and the poll's row stays locked meanwhile. SQLite runs them in order.
    const [locked, earlier] = this.transactions.isSqlite
      ? [await this.lockOpenPoll(manager, pollId, now), await this.earlierBallots(manager, pollId, requests)]
      : await Promise.all([this.lockOpenPoll(manager, pollId, now), this.earlierBallots(manager, pollId, requests)]);
    if (!locked.open) {
      const phase = locked.poll ? pollPhase(locked.poll, now) : 'closed';
      const error = DeliberationErrors.pollNotOpen(phase === 'scheduled' ? 'scheduled' : 'closed');
      return { verdicts: requests.map(() => ({ ok: false, error })), poll: null };
    }

    const poll = locked.poll;
    const base = poll.chainSeq;
    const optionIds = poll.options.map((o) => o.id);

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
      };
      ballots.push(ballot);
      receipts.push({ pollId, userId: request.userId, voterKey: request.voterKey, seq, receipt: head });
      liveCounts = applyBallotToLiveCounts(liveCounts, optionIds, { choice: request.choice, previous: current ? current.choice : null, weight: request.weight });
      remember(ballot);
      return { ok: true, outcome: { receipt: receiptView(ballot), replayed: false } };
    });

    const chainSeq = base + ballots.length;
    if (ballots.length) {
      // Nothing generated by the database is needed back (receipts are built from the chain), so no read-back
      // of ids and defaults. The three writes don't depend on each other: queued together (as the reads above).
      await Promise.all([
        insertRows(manager, PollBallot, ballots),
        insertRows(manager, PollBallotReceipt, receipts),
        manager.query('UPDATE polls SET chain_seq = ?, chain_head = ?, live_counts = ? WHERE id = ?', [chainSeq, head, JSON.stringify(liveCounts), pollId]),
      ]);
    }
    return { verdicts, poll: Object.assign(poll, { chainSeq, chainHead: ballots.length ? head : poll.chainHead, liveCounts }) };
  }
}
