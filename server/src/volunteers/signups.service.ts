import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  cancelVolunteerSignup,
  decideVolunteerSignup,
  volunteerError,
  validateVolunteerActivityDraft,
  VolunteerCancellationView,
  VolunteerSignupEntry,
  VolunteerSignupView,
  volunteerWaitlistPosition,
  volunteerWaitlistPromotions,
} from '@linli/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerSignup } from './entities/volunteer-signup.entity';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';
import { orRefuse } from './volunteer-rule.exception';
import { TransactionRunner } from '../database/transaction-runner';
import { lockVolunteerActivity } from './activity-lock';

/**
 * Sign-ups, the waiting list and cancellations. Every change first bumps the activity's signup_version: that
 * UPDATE takes the activity's row lock (MariaDB) or the write lock (SQLite), so the decision "is there a
 * place left?" is made by one request at a time per activity, and twenty people racing for the last place
 * leave exactly one confirmed. The unique (activity, person) key backs up "one sign-up each".
 */
@Injectable()
export class VolunteerSignupsService {
  private readonly logger = new Logger(VolunteerSignupsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: VolunteerClock,
    private readonly profiles: VolunteerProfilesService,
  ) {}

  /**
   * Sign up, confirmed while places are left and waitlisted after. A retry carrying the Idempotency-Key of
   * the request that created the sign-up gets that sign-up back; any other second attempt is refused.
   */
  async signUp(activityId: number, userId: number, idempotencyKey: string | null): Promise<{ signup: VolunteerSignupView; replayed: boolean }> {
    const now = this.clock.now();
    const outcome = await this.tx.run(async (manager) => {
      const { activity, queue } = await this.lockQueue(manager, activityId);
      const existing = queue.find((s) => s.userId === userId);
      if (existing && existing.status !== 'cancelled' && idempotencyKey && existing.idempotencyKey === idempotencyKey) {
        return { signupId: existing.id, replayed: true };
      }
      const decision = orRefuse(decideVolunteerSignup({ activity, signups: queue.map(entryOf), personId: userId, now }));
      const repo = manager.getRepository(VolunteerSignup);
      const fields = { status: decision.status, queuedAt: now, idempotencyKey };
      const saved = existing
        ? await repo.save(repo.merge(existing, fields))
        : await repo.save(repo.create({ activityId, userId, ...fields }));
      return { signupId: saved.id, replayed: false };
    });
    const signup = await this.dataSource.getRepository(VolunteerSignup).findOneByOrFail({ id: outcome.signupId });
    if (!outcome.replayed) this.logger.log({ activityId, userId, status: signup.status }, 'volunteer signed up');
    return { signup: await this.viewOf(signup), replayed: outcome.replayed };
  }

  /** Cancel before the start; the oldest waitlisted people move up into freed places in the same transaction. */
  async cancel(activityId: number, userId: number): Promise<VolunteerCancellationView> {
    const now = this.clock.now();
    const result = await this.tx.run(async (manager) => {
      const { activity, queue } = await this.lockQueue(manager, activityId);
      const cancellation = orRefuse(cancelVolunteerSignup({ activity, signups: queue.map(entryOf), personId: userId, now }));
      const repo = manager.getRepository(VolunteerSignup);
      const own = queue.find((s) => s.userId === userId)!;
      await repo.update({ id: own.id }, { status: 'cancelled', idempotencyKey: null });
      const promoted = cancellation.promoted.map(Number);
      if (promoted.length) await repo.update({ activityId, userId: In(promoted) }, { status: 'confirmed' });
      return { signupId: own.id, promotedCount: promoted.length };
    });
    const signup = await this.dataSource.getRepository(VolunteerSignup).findOneByOrFail({ id: result.signupId });
    this.logger.log({ activityId, userId, promoted: result.promotedCount }, 'volunteer sign-up cancelled');
    return { signup: await this.viewOf(signup), promotedCount: result.promotedCount };
  }

  /**
   * The organiser changes the number of places. Raising it moves the oldest waitlisted people up at once;
   * lowering it never demotes anyone already confirmed (they were promised a place).
   */
  async changeCapacity(activityId: number, capacity: number | null): Promise<{ promotedCount: number }> {
    const promotedCount = await this.tx.run(async (manager) => {
      const { activity, queue } = await this.lockQueue(manager, activityId);
      // Nobody should be moved up into an activity that will not take place.
      if (activity.cancelledAt) orRefuse(volunteerError('activity_cancelled'));
      orRefuse(validateVolunteerActivityDraft({ themeCode: activity.themeCode, startsAt: activity.startsAt, endsAt: activity.endsAt, capacity }));
      await manager.getRepository(VolunteerActivity).update({ id: activityId }, { capacity });
      const promoted = volunteerWaitlistPromotions(capacity, queue.map(entryOf)).map(Number);
      if (promoted.length) await manager.getRepository(VolunteerSignup).update({ activityId, userId: In(promoted) }, { status: 'confirmed' });
      return promoted.length;
    });
    this.logger.log({ activityId, capacity, promoted: promotedCount }, 'volunteer activity capacity changed');
    return { promotedCount };
  }

  /** Everyone's sign-ups for the organiser, in queue order. */
  async list(activityId: number): Promise<VolunteerSignupView[]> {
    const queue = await this.queue(this.dataSource.manager, activityId);
    const identities = await this.profiles.identities(queue.map((s) => s.userId));
    const entries = queue.map(entryOf);
    return queue.map((s) => toView(s, identities.get(s.userId)?.name ?? '', volunteerWaitlistPosition(entries, s.userId)));
  }

  async viewOf(signup: VolunteerSignup): Promise<VolunteerSignupView> {
    const identities = await this.profiles.identities([signup.userId]);
    const position = signup.status === 'waitlisted' ? volunteerWaitlistPosition((await this.queue(this.dataSource.manager, signup.activityId)).map(entryOf), signup.userId) : null;
    return toView(signup, identities.get(signup.userId)?.name ?? '', position);
  }

  private async lockQueue(manager: EntityManager, activityId: number): Promise<{ activity: VolunteerActivity; queue: VolunteerSignup[] }> {
    const activity = await lockVolunteerActivity(manager, activityId);
    return { activity, queue: await this.queue(manager, activityId) };
  }

  private queue(manager: EntityManager, activityId: number): Promise<VolunteerSignup[]> {
    return manager.getRepository(VolunteerSignup).find({ where: { activityId }, order: { queuedAt: 'ASC', id: 'ASC' } });
  }
}

const entryOf = (s: VolunteerSignup): VolunteerSignupEntry => ({ personId: s.userId, status: s.status });

function toView(s: VolunteerSignup, name: string, waitlistPosition: number | null): VolunteerSignupView {
  return {
    id: s.id,
    activityId: s.activityId,
    userId: s.userId,
    name,
    status: s.status,
    waitlistPosition: s.status === 'waitlisted' ? waitlistPosition : null,
    queuedAt: s.queuedAt.toISOString(),
  };
}
