import { Injectable, Logger } from '@nestjs/common';
import { InputErrors } from '../common/input-errors';
import { CaseLocationService } from '../dispatch/case-location.service';
import {
  validateVolunteerActivityChange,
  validateVolunteerActivityDraft,
  validateVolunteerCancelReason,
  VolunteerActivityEditInput,
} from '@linli/shared';
import { ApiException } from '../common/api-exception';
import { TransactionRunner } from '../database/transaction-runner';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerClock } from './volunteer-clock';
import { orRefuse } from './volunteer-rule.exception';
import { lockVolunteerActivity } from './activity-lock';

/**
 * The organiser's changes to a published activity: corrections and calling it off, both only before it
 * starts. Capacity is not here: it moves the waiting list and has its own path in VolunteerSignupsService.
 */
@Injectable()
export class VolunteerActivityChangesService {
  private readonly logger = new Logger(VolunteerActivityChangesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: VolunteerClock,
    private readonly location: CaseLocationService,
  ) {}

  /** Applies the given fields; absent ones stay, null clears the optional ones. The result must still be a valid draft. */
  async edit(activityId: number, editorId: number, input: VolunteerActivityEditInput): Promise<void> {
    const now = this.clock.now();
    if (input.place && !(await this.location.inServiceArea(input.place.lng, input.place.lat))) throw InputErrors.outsideServiceArea();
    await this.tx.run(async (manager) => {
      const activity = await lockVolunteerActivity(manager, activityId);
      orRefuse(validateVolunteerActivityChange({ activity, now }));
      const next = { ...activity };
      if (input.title !== undefined) next.title = input.title.trim();
      if (input.themeCode !== undefined) next.themeCode = input.themeCode;
      if (input.description !== undefined) next.description = input.description?.trim() || null;
      if (input.requirements !== undefined) next.requirements = input.requirements?.trim() || null;
      if (input.startsAt !== undefined) next.startsAt = new Date(input.startsAt);
      if (input.endsAt !== undefined) next.endsAt = new Date(input.endsAt);
      if (input.placeName !== undefined) next.placeName = input.placeName.trim();
      if (input.place !== undefined) {
        next.lng = input.place?.lng ?? null;
        next.lat = input.place?.lat ?? null;
      }
      if (input.radiusMeters !== undefined) next.radiusMeters = input.radiusMeters;
      const place = next.lng !== null && next.lat !== null ? { lng: next.lng, lat: next.lat } : null;
      orRefuse(
        validateVolunteerActivityDraft({
          themeCode: next.themeCode,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          capacity: next.capacity,
          place,
          radiusMeters: next.radiusMeters,
        }),
      );
      // Moving the start into the past would close sign-up and open check-in behind everyone's back.
      if (next.startsAt.getTime() <= now.getTime()) throw new ApiException(422, 'unprocessable', '活动开始时间须晚于当前时间');
      const needsPlace = next.checkMethods.includes('location') || next.requireLocation;
      if (needsPlace && !place && !next.checkMethods.includes('qr')) {
        throw new ApiException(422, 'unprocessable', '按定位签到的活动须设置活动地点坐标');
      }
      await manager.getRepository(VolunteerActivity).update(
        { id: activityId },
        {
          title: next.title,
          themeCode: next.themeCode,
          description: next.description,
          requirements: next.requirements,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          placeName: next.placeName,
          lng: next.lng,
          lat: next.lat,
          radiusMeters: next.radiusMeters,
        },
      );
    });
    this.logger.log({ activityId, editorId, fields: Object.keys(input) }, 'volunteer activity edited');
  }

  /**
   * Calls the activity off. Sign-ups are kept as they were so each person still finds the activity, with the
   * reason, on their page; the cancelled mark alone closes sign-up, check-in and service records.
   */
  async cancel(activityId: number, organiserId: number, reason: string): Promise<void> {
    const now = this.clock.now();
    const checked = orRefuse(validateVolunteerCancelReason(reason));
    await this.tx.run(async (manager) => {
      const activity = await lockVolunteerActivity(manager, activityId);
      orRefuse(validateVolunteerActivityChange({ activity, now }));
      await manager
        .getRepository(VolunteerActivity)
        .update({ id: activityId }, { cancelledAt: now, cancelledById: organiserId, cancelReason: checked.reason });
    });
    this.logger.log({ activityId, organiserId }, 'volunteer activity cancelled');
  }
}
