import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateVolunteerActivityDraft, VolunteerActivityInput, VolunteerActivityView, volunteerThemeLabel } from '@linli/shared';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ApiException } from '../common/api-exception';
import { InputErrors } from '../common/input-errors';
import { CaseLocationService } from '../dispatch/case-location.service';
import { Community } from '../grids/community.entity';
import { PartyOrganization } from './entities/party-organization.entity';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerSignup } from './entities/volunteer-signup.entity';
import { VolunteerAttendanceService } from './attendance.service';
import { VolunteerSignupsService } from './signups.service';
import { VolunteerAccess } from './volunteer-access';
import { VolunteerClock } from './volunteer-clock';
import { orRefuse } from './volunteer-rule.exception';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class VolunteerActivitiesService {
  private readonly logger = new Logger(VolunteerActivitiesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: VolunteerAccess,
    private readonly signups: VolunteerSignupsService,
    private readonly attendance: VolunteerAttendanceService,
    private readonly clock: VolunteerClock,
    private readonly location: CaseLocationService,
  ) {}

  /**
   * Publish an activity in a community. The committee or party branch publishes in its own name (or for a
   * confirmed party organisation); a confirmed organisation's contact publishes in the organisation's name.
   */
  async publish(user: AuthUser, communityId: number, input: VolunteerActivityInput): Promise<VolunteerActivityView> {
    const community = await this.dataSource.getRepository(Community).findOneBy({ id: communityId });
    if (!community) throw new ApiException(404, 'not_found', '所选社区不存在');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const place = input.place ? { lng: input.place.lng, lat: input.place.lat } : null;
    orRefuse(
      validateVolunteerActivityDraft({
        themeCode: input.themeCode,
        startsAt,
        endsAt,
        capacity: input.capacity ?? null,
        place,
        radiusMeters: input.radiusMeters ?? null,
      }),
    );
    if (place && !(await this.location.inServiceArea(place.lng, place.lat))) throw InputErrors.outsideServiceArea();
    const checkMethods = input.checkMethods?.length ? [...new Set(input.checkMethods)] : (['qr', 'location'] as const);
    if ((checkMethods.includes('location') || input.requireLocation) && !place && !checkMethods.includes('qr')) {
      throw new ApiException(422, 'unprocessable', '按定位签到的活动须设置活动地点坐标');
    }

    const role = await this.access.organiserRoleIn(user, communityId);
    const orgs = this.dataSource.getRepository(PartyOrganization);
    let organizer: Pick<VolunteerActivity, 'organizerKind' | 'organizerName' | 'partyOrganizationId'>;
    if (input.partyOrganizationId) {
      const org = await orgs.findOneBy({ id: input.partyOrganizationId, communityId, status: 'confirmed' });
      if (!org) throw new ApiException(422, 'unprocessable', '所选党组织未在该社区报到');
      if (!role && org.contactUserId !== user.id) throw new ApiException(403, 'forbidden', '只有社区或该党组织的联系人可以发布活动');
      organizer = { organizerKind: 'party_organization', organizerName: org.name, partyOrganizationId: org.id };
    } else if (role) {
      organizer = {
        organizerKind: role,
        organizerName: `${community.name}${role === 'party_branch' ? '党支部' : '居民委员会'}`,
        partyOrganizationId: null,
      };
    } else {
      const org = await orgs.findOne({ where: { communityId, contactUserId: user.id, status: 'confirmed' }, order: { id: 'ASC' } });
      if (!org) throw new ApiException(403, 'forbidden', '只有社区居委会、党支部或已报到的党组织可以发布活动');
      organizer = { organizerKind: 'party_organization', organizerName: org.name, partyOrganizationId: org.id };
    }

    const repo = this.dataSource.getRepository(VolunteerActivity);
    const saved = await repo.save(
      repo.create({
        communityId,
        ...organizer,
        title: input.title.trim(),
        themeCode: input.themeCode,
        description: input.description?.trim() || null,
        requirements: input.requirements?.trim() || null,
        startsAt,
        endsAt,
        placeName: input.placeName.trim(),
        lng: place?.lng ?? null,
        lat: place?.lat ?? null,
        radiusMeters: input.radiusMeters ?? null,
        capacity: input.capacity ?? null,
        checkMethods: [...checkMethods],
        requireLocation: input.requireLocation ?? false,
        requireConfirmedSignup: input.requireConfirmedSignup ?? false,
        signupVersion: 0,
        createdById: user.id,
      }),
    );
    this.logger.log({ activityId: saved.id, communityId, organizerKind: saved.organizerKind }, 'volunteer activity published');
    return this.view(saved.id, user.id);
  }

  /** A community's activities from a week ago on, soonest first. */
  async list(communityId: number, userId: number): Promise<VolunteerActivityView[]> {
    const since = new Date(this.clock.now().getTime() - 7 * DAY_MS);
    const activities = await this.dataSource
      .getRepository(VolunteerActivity)
      .find({ where: { communityId, endsAt: MoreThanOrEqual(since) }, order: { startsAt: 'ASC', id: 'ASC' }, take: 100 });
    return this.views(activities, userId);
  }

  async view(id: number, userId: number): Promise<VolunteerActivityView> {
    const activity = await this.dataSource.getRepository(VolunteerActivity).findOneBy({ id });
    if (!activity) throw new ApiException(404, 'not_found', '活动不存在');
    return (await this.views([activity], userId))[0];
  }

  private async views(activities: VolunteerActivity[], userId: number): Promise<VolunteerActivityView[]> {
    if (activities.length === 0) return [];
    const ids = activities.map((a) => a.id);
    const counts: Array<{ activityId: number | string; status: string; n: number | string }> = await this.dataSource
      .getRepository(VolunteerSignup)
      .createQueryBuilder('s')
      .select('s.activityId', 'activityId')
      .addSelect('s.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('s.activityId IN (:...ids)', { ids })
      .groupBy('s.activityId')
      .addGroupBy('s.status')
      .getRawMany();
    const countOf = (activityId: number, status: string) =>
      Number(counts.find((c) => Number(c.activityId) === activityId && c.status === status)?.n ?? 0);
    const mine = await this.dataSource.getRepository(VolunteerSignup).findBy({ activityId: In(ids), userId });
    const mySignups = new Map<number, Awaited<ReturnType<VolunteerSignupsService['viewOf']>>>();
    for (const signup of mine) mySignups.set(signup.activityId, await this.signups.viewOf(signup));
    const myAttendance = await this.attendance.mine(ids, userId);
    return activities.map((a) => ({
      id: a.id,
      communityId: a.communityId,
      title: a.title,
      themeCode: a.themeCode,
      themeLabel: volunteerThemeLabel(a.themeCode),
      description: a.description,
      requirements: a.requirements,
      organizerKind: a.organizerKind,
      organizerName: a.organizerName,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      placeName: a.placeName,
      place: a.lng !== null && a.lat !== null ? { lng: a.lng, lat: a.lat } : null,
      radiusMeters: a.radiusMeters,
      capacity: a.capacity,
      checkMethods: a.checkMethods,
      requireLocation: a.requireLocation,
      requireConfirmedSignup: a.requireConfirmedSignup,
      confirmedCount: countOf(a.id, 'confirmed'),
      waitlistCount: countOf(a.id, 'waitlisted'),
      mySignup: mySignups.get(a.id) ?? null,
      myAttendance: myAttendance.get(a.id) ?? null,
      cancelledAt: a.cancelledAt ? a.cancelledAt.toISOString() : null,
      cancelReason: a.cancelReason,
    }));
  }
}
