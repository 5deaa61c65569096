import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isAllowed, ResourceLocation } from '@linli/shared';
import type { Locate } from '../auth/permission.decorator';
import type { AuthUser } from '../auth/auth-user';
import { effectiveGrants } from '../auth/signed-in-grants';
import { ApiException } from '../common/api-exception';
import { OrgLocator } from '../grids/org-locator.service';
import { PartyMemberCheckIn } from './entities/party-member-check-in.entity';
import { PartyOrganization } from './entities/party-organization.entity';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerAttendance } from './entities/volunteer-attendance.entity';
import { VolunteerServiceRecord } from './entities/volunteer-service-record.entity';

type CommunityOf = (dataSource: DataSource, id: number) => Promise<number | null>;

/** A locator for routes addressing a volunteer resource by `:id`: it lies in its community. */
const locateBy =
  (communityOf: CommunityOf, param = 'id'): Locate =>
  async (req, orgLocator, moduleRef) => {
    const id = Number(req.params[param]);
    if (!Number.isInteger(id) || id <= 0) return null;
    const communityId = await communityOf(moduleRef.get(DataSource, { strict: false }), id);
    return communityId === null ? null : orgLocator.locateCommunity(communityId);
  };

const activityCommunity: CommunityOf = async (ds, id) =>
  (await ds.getRepository(VolunteerActivity).findOne({ where: { id }, select: { id: true, communityId: true } }))?.communityId ?? null;

export const activityFromParam = (param = 'id') => locateBy(activityCommunity, param);

export const attendanceFromParam = (param = 'id') =>
  locateBy(async (ds, id) => {
    const attendance = await ds.getRepository(VolunteerAttendance).findOne({ where: { id }, select: { id: true, activityId: true } });
    return attendance ? activityCommunity(ds, attendance.activityId) : null;
  }, param);

export const serviceRecordFromParam = (param = 'id') =>
  locateBy(
    async (ds, id) => (await ds.getRepository(VolunteerServiceRecord).findOne({ where: { id }, select: { id: true, communityId: true } }))?.communityId ?? null,
    param,
  );

export const partyCheckInFromParam = (param = 'id') =>
  locateBy(
    async (ds, id) => (await ds.getRepository(PartyMemberCheckIn).findOne({ where: { id }, select: { id: true, communityId: true } }))?.communityId ?? null,
    param,
  );

export const partyOrganizationFromParam = (param = 'id') =>
  locateBy(
    async (ds, id) => (await ds.getRepository(PartyOrganization).findOne({ where: { id }, select: { id: true, communityId: true } }))?.communityId ?? null,
    param,
  );

/**
 * Who may run an activity (show its QR code, correct times, certify records): the committee or party branch
 * of its community by the permission matrix, and also whoever published it (a checked-in party
 * organisation's contact, who holds no community role). Ownership is a fact about the row, which the
 * role matrix cannot express, so it is checked here.
 */
@Injectable()
export class VolunteerAccess {
  constructor(
    private readonly orgLocator: OrgLocator,
    private readonly dataSource: DataSource,
  ) {}

  /** Loads the activity and checks the caller runs it. */
  async organisedActivity(user: AuthUser, activityId: number): Promise<VolunteerActivity> {
    const activity = await this.dataSource.getRepository(VolunteerActivity).findOneBy({ id: activityId });
    if (!activity) throw new ApiException(404, 'not_found', '活动不存在');
    await this.assertOrganiser(user, activity);
    return activity;
  }

  async organisedAttendance(user: AuthUser, attendanceId: number): Promise<VolunteerActivity> {
    const attendance = await this.dataSource.getRepository(VolunteerAttendance).findOneBy({ id: attendanceId });
    if (!attendance) throw new ApiException(404, 'not_found', '签到记录不存在');
    return this.organisedActivity(user, attendance.activityId);
  }

  async organisedServiceRecord(user: AuthUser, recordId: number): Promise<VolunteerActivity> {
    const record = await this.dataSource.getRepository(VolunteerServiceRecord).findOneBy({ id: recordId });
    if (!record) throw new ApiException(404, 'not_found', '服务记录不存在');
    return this.organisedActivity(user, record.activityId);
  }

  /** Whether the caller may read a community's volunteer figures and full lists (committee, branch, admin). */
  async canReadCommunity(user: AuthUser, communityId: number): Promise<boolean> {
    const location = await this.orgLocator.locateCommunity(communityId);
    return location !== null && isAllowed(effectiveGrants(user.grants), 'volunteer.community.read', location);
  }

  async canOrganiseIn(user: AuthUser, communityId: number): Promise<boolean> {
    const location = await this.orgLocator.locateCommunity(communityId);
    return location !== null && isAllowed(effectiveGrants(user.grants), 'volunteer.organise', location);
  }

  async assertOrganiser(user: AuthUser, activity: VolunteerActivity): Promise<void> {
    if (activity.createdById === user.id) return;
    if (await this.canOrganiseIn(user, activity.communityId)) return;
    throw new ApiException(403, 'forbidden', '只有活动组织方可以进行此操作');
  }

  /** The community role the user organises with there, for naming the organiser. */
  async organiserRoleIn(user: AuthUser, communityId: number): Promise<'community_committee' | 'party_branch' | null> {
    const location: ResourceLocation | null = await this.orgLocator.locateCommunity(communityId);
    if (!location) return null;
    const grants = effectiveGrants(user.grants);
    const covering = (role: 'community_committee' | 'party_branch' | 'district_admin') =>
      isAllowed(grants.filter((g) => g.role === role), 'volunteer.organise', location);
    if (covering('community_committee') || covering('district_admin')) return 'community_committee';
    if (covering('party_branch')) return 'party_branch';
    return null;
  }
}
