import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chainNext,
  chainTimestamp,
  compileBallotValidator,
  DELIBERATION_LIVE_EVENTS,
  genesisHash,
  liveRoom,
  newBallotNonce,
  type DeliberationBallotReceipt,
} from '@linli/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { LivePublisher } from '../realtime/live-publisher';
import { DeliberationErrors } from './deliberation-errors';
import type { BallotInputDto } from './dto/poll.dto';
import { PollBallotReceipt } from './entities/ballot-receipt.entity';
import { PollBallot } from './entities/ballot.entity';
import { Poll } from './entities/poll.entity';
import { applyBallotToLiveCounts } from './live-counts';
import { pollPhase } from './poll-phase';
import { votingPollOf } from './poll-result';
import { personalVoterKey, PollsService, unitVoterKey } from './polls.service';
import { ResidencyScope } from './residency-scope';
import { serializedOnSqlite } from './sqlite-write-queue';
import { receiptView, scopeOf, visibleCounts } from './views';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export interface CastOutcome {
  receipt: DeliberationBallotReceipt;
  /** A retry of an earlier submission: nothing new was counted. */
  replayed: boolean;
}

/**
 * Accepting ballots. Every ballot of a poll passes through one critical section: a conditional UPDATE of
 * the poll row that bumps chain_seq (and fails once the poll is closed or outside its window). The row lock
 * it takes on MariaDB lasts until commit, so the chain grows strictly one ballot at a time and the close
 * cannot slip between a ballot's checks and its insert; SQLite has one writer anyway. Everything the ballot
 * changes — the ballot, the voter's receipt, the chain head, the live counts — commits together.
 */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollsService,
    private readonly residency: ResidencyScope,
    private readonly live: LivePublisher,
  ) {}

  async cast(user: AuthUser, pollId: number, input: BallotInputDto, idempotencyKey: string | undefined): Promise<CastOutcome> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw DeliberationErrors.badIdempotencyKey();
    const poll = await this.polls.find(pollId);
    const now = new Date();
    const phase = pollPhase(poll, now);
    if (phase !== 'open') throw DeliberationErrors.pollNotOpen(phase);

    const check = compileBallotValidator(votingPollOf(poll))(input.choice);
    if (!check.ok) throw DeliberationErrors.ballotInvalid(check.message, check.error, check.details);
    const { voterKey, weight } = await this.voterOf(user, poll, input.unitId);

    const outcome = await serializedOnSqlite(this.dataSource, () =>
      this.dataSource.transaction((manager) => this.append(manager, user, poll, voterKey, weight, check.optionIds, input.replacesReceipt, idempotencyKey ?? null)),
    );
    if (!outcome.replayed && !poll.hideResultsUntilClose) {
      this.live.publish(liveRoom('poll', pollId), { seq: outcome.poll.chainSeq, type: DELIBERATION_LIVE_EVENTS.pollCounts, data: visibleCounts(outcome.poll) });
    }
    return { receipt: outcome.receipt, replayed: outcome.replayed };
  }

  /** Which voter this ballot is for: the person, or the unit they own in an owners' vote (with its area). */
  private async voterOf(user: AuthUser, poll: Poll, unitId: number | undefined): Promise<{ voterKey: string; weight?: number }> {
    if (poll.ownerRoll) {
      if (unitId === undefined) throw DeliberationErrors.unitRequired();
      const unit = poll.ownerRoll.find((u) => u.unitId === String(unitId));
      if (!unit) throw DeliberationErrors.notEligible('该房屋不在本次表决的业主名册中');
      const owned = await this.residency.ownedUnits(user.id, poll.communityId);
      if (!owned.some((u) => u.unitId === unitId)) throw DeliberationErrors.notUnitOwner();
      return { voterKey: unitVoterKey(unitId), weight: unit.exclusiveArea };
    }
    if (unitId !== undefined) throw DeliberationErrors.unitNotAllowed();
    if (!(await this.residency.isInScope(user.id, poll.communityId, scopeOf(poll)))) throw DeliberationErrors.notEligible();
    return { voterKey: personalVoterKey(user.id) };
  }

  private async append(
    manager: EntityManager,
    user: AuthUser,
    before: Poll,
    voterKey: string,
    weight: number | undefined,
    choice: string[],
    replacesReceipt: string | undefined,
    clientKey: string | null,
  ): Promise<{ receipt: DeliberationBallotReceipt; replayed: boolean; poll: Poll }> {
    const now = new Date();
    // The lock: nothing below runs for this poll in two transactions at once.
    const locked = await manager
      .createQueryBuilder()
      .update(Poll)
      .set({ chainSeq: () => 'chain_seq + 1' })
      .where('id = :id AND status = :open AND opens_at <= :now AND closes_at > :now', { id: before.id, open: 'open', now })
      .execute();
    if (locked.affected !== 1) throw DeliberationErrors.pollNotOpen(pollPhase(before, now) === 'scheduled' ? 'scheduled' : 'closed');

    const ballots = manager.getRepository(PollBallot);
    if (clientKey) {
      const earlier = await ballots.findOneBy({ pollId: before.id, voterKey, clientKey });
      if (earlier) {
        if (earlier.choice.join('\u0000') !== choice.join('\u0000')) throw DeliberationErrors.idempotencyConflict();
        // Throwing would roll back the seq bump too, but a replay is a success: undo it by hand.
        await manager.createQueryBuilder().update(Poll).set({ chainSeq: () => 'chain_seq - 1' }).where('id = :id', { id: before.id }).execute();
        return { receipt: receiptView(earlier), replayed: true, poll: before };
      }
    }

    const current = await ballots.findOne({ where: { pollId: before.id, voterKey }, order: { seq: 'DESC' } });
    if (current && !replacesReceipt) throw DeliberationErrors.ballotExists(current.seq);
    if (replacesReceipt && (!current || current.hash !== replacesReceipt.toLowerCase())) throw DeliberationErrors.ballotChanged();

    const poll = await manager.getRepository(Poll).findOneByOrFail({ id: before.id });
    const seq = poll.chainSeq;
    const castAt = chainTimestamp(now);
    const nonce = newBallotNonce();
    const prevHash = poll.chainHead ?? genesisHash(String(poll.id));
    const supersedesSeq = current ? current.seq : undefined;
    const hash = chainNext(prevHash, { pollId: String(poll.id), seq, nonce, choice, castAt, supersedesSeq });

    const ballot = ballots.create({ pollId: poll.id, seq, voterKey, choice, nonce, castAt, hash, prevHash, supersedesSeq: supersedesSeq ?? null, clientKey });
    await ballots.insert(ballot);
    await manager.getRepository(PollBallotReceipt).insert({ pollId: poll.id, userId: user.id, voterKey, seq, receipt: hash });
    const liveCounts = applyBallotToLiveCounts(
      poll.liveCounts,
      poll.options.map((o) => o.id),
      { choice, previous: current ? current.choice : null, weight },
    );
    await manager.getRepository(Poll).update({ id: poll.id }, { chainHead: hash, liveCounts });
    return { receipt: receiptView(ballot), replayed: false, poll: Object.assign(poll, { chainHead: hash, liveCounts }) };
  }
}
