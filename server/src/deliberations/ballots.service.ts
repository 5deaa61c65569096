import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compileBallotValidator, indexOwnerRoll, type OwnerRollIndex, IDEMPOTENCY_KEY_PATTERN } from '@linli/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api-exception';
import { BallotIntake, type BallotAccepted } from './ballot-intake';
import { DeliberationErrors } from './deliberation-errors';
import type { BallotInputDto } from './dto/poll.dto';
import { PollBallotReceipt } from './entities/ballot-receipt.entity';
import { PollBallot } from './entities/ballot.entity';
import type { Poll, PollRollUnit } from './entities/poll.entity';
import { pollPhase } from './poll-phase';
import { ownerUnitsOf, votingPollOf } from './poll-result';
import { personalVoterKey, PollsService, unitVoterKey } from './polls.service';
import { ResidencyScope } from './residency-scope';
import { receiptView, scopeOf } from './views';


/** Each poll definition's electoral roll as a set, built once per (cached) definition. */
const rolls = new WeakMap<Poll, Set<number>>();
function rollOf(poll: Poll): Set<number> {
  let roll = rolls.get(poll);
  if (!roll) rolls.set(poll, (roll = new Set(poll.voterRoll ?? [])));
  return roll;
}

/** Each owners' vote definition's roll, indexed once per (cached) definition. */
const ownerRolls = new WeakMap<Poll, OwnerRollIndex>();
function ownerRollOf(poll: Poll, roll: PollRollUnit[]): OwnerRollIndex {
  let index = ownerRolls.get(poll);
  if (!index) ownerRolls.set(poll, (index = indexOwnerRoll(ownerUnitsOf(roll))));
  return index;
}

/**
 * Casting a ballot: everything that can be checked without the chain — the window, the ballot against the
 * poll's rules, who the voter is (the person, or a unit they own in an owners' vote) — then hands it to the
 * intake, which gives it its place in the chain.
 */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollsService,
    private readonly residency: ResidencyScope,
    private readonly intake: BallotIntake,
  ) {}

  async cast(user: AuthUser, pollId: number, input: BallotInputDto, idempotencyKey: string | undefined): Promise<BallotAccepted> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw DeliberationErrors.badIdempotencyKey();
    const poll = await this.polls.definition(pollId);
    const phase = pollPhase(poll, new Date());
    if (phase !== 'open') {
      // A retry of a ballot that was accepted just before the close still gets its receipt back.
      const earlier = idempotencyKey ? await this.earlierSubmission(user.id, pollId, idempotencyKey) : null;
      if (earlier) return { receipt: receiptView(earlier), replayed: true };
      throw DeliberationErrors.pollNotOpen(phase);
    }

    const check = compileBallotValidator(votingPollOf(poll))(input.choice);
    if (!check.ok) throw DeliberationErrors.ballotInvalid(check.message, check.error, check.details);
    const { voterKey, weight, ownerHead } = await this.voterOf(user, poll, input.unitId);
    try {
      return await this.intake.submit(pollId, {
        userId: user.id,
        voterKey,
        weight,
        ownerHead,
        choice: check.optionIds,
        replacesReceipt: input.replacesReceipt,
        clientKey: idempotencyKey ?? null,
      });
    } catch (error) {
      // Closed while this retry was on its way: its first submission may still have made it in.
      const closed = error instanceof ApiException && (error.code as string) === 'poll_not_open';
      const earlier = closed && idempotencyKey ? await this.earlierSubmission(user.id, pollId, idempotencyKey) : null;
      if (earlier) return { receipt: receiptView(earlier), replayed: true };
      throw error;
    }
  }

  private async earlierSubmission(userId: number, pollId: number, clientKey: string): Promise<PollBallot | null> {
    const candidates = await this.dataSource.getRepository(PollBallot).findBy({ pollId, clientKey });
    for (const ballot of candidates) {
      if (await this.dataSource.getRepository(PollBallotReceipt).existsBy({ pollId, seq: ballot.seq, userId })) return ballot;
    }
    return null;
  }

  /**
   * Which voter this ballot is for: the person, or the unit they own in an owners' vote, with what the count
   * groups it by (its area, and its owner's number on the roll when they hold several units).
   */
  private async voterOf(user: AuthUser, poll: Poll, unitId: number | undefined): Promise<{ voterKey: string; weight?: number; ownerHead?: number | null }> {
    if (poll.ownerRoll) {
      if (unitId === undefined) throw DeliberationErrors.unitRequired();
      const unit = ownerRollOf(poll, poll.ownerRoll).units.get(String(unitId));
      if (!unit) throw DeliberationErrors.notEligible('该房屋不在本次表决的业主名册中');
      const owned = await this.residency.ownedUnits(user.id, poll.communityId);
      if (!owned.some((u) => u.unitId === unitId)) throw DeliberationErrors.notUnitOwner();
      return { voterKey: unitVoterKey(unitId), weight: unit.area, ownerHead: unit.head };
    }
    if (unitId !== undefined) throw DeliberationErrors.unitNotAllowed();
    const eligible = poll.voterRoll ? rollOf(poll).has(user.id) : await this.residency.isInScope(user.id, poll.communityId, scopeOf(poll));
    if (!eligible) throw DeliberationErrors.notEligible();
    return { voterKey: personalVoterKey(user.id) };
  }
}
