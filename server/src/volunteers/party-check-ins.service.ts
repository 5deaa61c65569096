import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  maskPhone,
  PartyMemberCheckInInput,
  PartyMemberCheckInView,
  PartyOrganizationInput,
  PartyOrganizationView,
  VolunteerCheckInReviewStatus,
} from '@linli/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { Community } from '../grids/community.entity';
import { PointsService } from '../points/points.service';
import { RoleGrant } from '../users/role-grant.entity';
import { PartyMemberCheckIn } from './entities/party-member-check-in.entity';
import { PartyOrganization } from './entities/party-organization.entity';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';
import { TransactionRunner } from '../database/transaction-runner';

const cleanList = (items: readonly string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];

/**
 * 党员报到: party members and in-service party organisations check in to a community; the community's party
 * branch (or committee) confirms. A confirmed member gets the party_member role there and check-in points.
 */
@Injectable()
export class PartyCheckInsService {
  private readonly logger = new Logger(PartyCheckInsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: VolunteerClock,
    private readonly points: PointsService,
    private readonly profiles: VolunteerProfilesService,
  ) {}

  async checkInMember(userId: number, input: PartyMemberCheckInInput): Promise<PartyMemberCheckInView> {
    await this.community(input.communityId);
    const id = await this.tx.run(async (manager) => {
      if (input.partyOrganizationId) {
        const org = await manager.getRepository(PartyOrganization).findOneBy({ id: input.partyOrganizationId });
        if (!org || org.communityId !== input.communityId || org.status !== 'confirmed') {
          throw new ApiException(422, 'unprocessable', '所选党组织未在该社区报到');
        }
      }
      const repo = manager.getRepository(PartyMemberCheckIn);
      const existing = await repo.findOneBy({ userId, communityId: input.communityId });
      if (existing && existing.status !== 'rejected') {
        throw new ApiException(409, 'conflict', existing.status === 'pending' ? '您已提交报到，请等待社区党支部确认' : '您已在该社区报到');
      }
      const fields = {
        partyOrganizationName: input.partyOrganizationName.trim(),
        partyOrganizationId: input.partyOrganizationId ?? null,
        status: 'pending' as const,
        reviewNote: null,
        reviewedById: null,
        reviewedAt: null,
      };
      const saved = existing
        ? await repo.save(repo.merge(existing, fields))
        : await repo.save(repo.create({ userId, communityId: input.communityId, ...fields }));
      return saved.id;
    });
    this.logger.log({ partyCheckInId: id, userId, communityId: input.communityId }, 'party member checked in');
    return (await this.memberViews({ id: In([id]) }))[0];
  }

  mineAsMember(userId: number): Promise<PartyMemberCheckInView[]> {
    return this.memberViews({ userId });
  }

  listMembers(communityId: number, status?: VolunteerCheckInReviewStatus): Promise<PartyMemberCheckInView[]> {
    return this.memberViews(status ? { communityId, status } : { communityId });
  }

  async reviewMember(id: number, reviewerId: number, approve: boolean, note: string | null | undefined): Promise<PartyMemberCheckInView> {
    const now = this.clock.now();
    await this.tx.run(async (manager) => {
      const repo = manager.getRepository(PartyMemberCheckIn);
      const checkIn = await repo.findOneBy({ id });
      if (!checkIn) throw new ApiException(404, 'not_found', '报到记录不存在');
      if (checkIn.status !== 'pending') throw new ApiException(409, 'conflict', '该报到已处理');
      checkIn.status = approve ? 'confirmed' : 'rejected';
      checkIn.reviewNote = note?.trim() || null;
      checkIn.reviewedById = reviewerId;
      checkIn.reviewedAt = now;
      await repo.save(checkIn);
      if (!approve) return;
      await this.grantPartyMember(manager, checkIn.userId, checkIn.communityId);
      await this.points.award(manager, {
        userId: checkIn.userId,
        communityId: checkIn.communityId,
        ruleCode: 'party_check_in',
        quantity: 1,
        sourceType: 'party_member_check_in',
        sourceId: checkIn.id,
        now,
      });
    });
    return (await this.memberViews({ id }))[0];
  }

  async registerOrganization(userId: number, communityId: number, input: PartyOrganizationInput): Promise<PartyOrganizationView> {
    await this.community(communityId);
    const repo = this.dataSource.getRepository(PartyOrganization);
    const name = input.name.trim();
    if (await repo.exists({ where: { communityId, name } })) throw new ApiException(409, 'conflict', '该党组织已在本社区报到');
    const saved = await repo.save(
      repo.create({
        communityId,
        name,
        contactUserId: userId,
        contactName: input.contactName.trim(),
        contactPhone: input.contactPhone.trim(),
        resources: cleanList(input.resources),
        needs: cleanList(input.needs),
        status: 'pending',
      }),
    );
    this.logger.log({ partyOrganizationId: saved.id, communityId }, 'party organisation checked in');
    return (await this.organizationViews({ id: saved.id }))[0];
  }

  listOrganizations(communityId: number, status?: VolunteerCheckInReviewStatus): Promise<PartyOrganizationView[]> {
    return this.organizationViews(status ? { communityId, status } : { communityId });
  }

  async reviewOrganization(id: number, reviewerId: number, approve: boolean, note: string | null | undefined): Promise<PartyOrganizationView> {
    const now = this.clock.now();
    await this.tx.run(async (manager) => {
      const repo = manager.getRepository(PartyOrganization);
      const org = await repo.findOneBy({ id });
      if (!org) throw new ApiException(404, 'not_found', '党组织不存在');
      if (org.status !== 'pending') throw new ApiException(409, 'conflict', '该党组织报到已处理');
      await repo.update({ id }, { status: approve ? 'confirmed' : 'rejected', reviewNote: note?.trim() || null, reviewedById: reviewerId, reviewedAt: now });
    });
    return (await this.organizationViews({ id }))[0];
  }

  private async grantPartyMember(manager: EntityManager, userId: number, communityId: number): Promise<void> {
    const grants = manager.getRepository(RoleGrant);
    const grant = { userId, role: 'party_member' as const, scopeKind: 'community' as const, scopeId: communityId };
    if (!(await grants.exists({ where: grant }))) await grants.insert(grant);
  }

  private async community(id: number): Promise<Community> {
    const community = await this.dataSource.getRepository(Community).findOneBy({ id });
    if (!community) throw new ApiException(404, 'not_found', '所选社区不存在');
    return community;
  }

  private async memberViews(where: Record<string, unknown>): Promise<PartyMemberCheckInView[]> {
    const rows = await this.dataSource.getRepository(PartyMemberCheckIn).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    const [identities, communities] = await Promise.all([
      this.profiles.identities(rows.map((r) => r.userId)),
      this.dataSource.getRepository(Community).findBy({ id: In([...new Set(rows.map((r) => r.communityId))]) }),
    ]);
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      memberName: identities.get(r.userId)?.name ?? '',
      communityId: r.communityId,
      communityName: communityName.get(r.communityId) ?? '',
      partyOrganizationName: r.partyOrganizationName,
      partyOrganizationId: r.partyOrganizationId,
      status: r.status,
      reviewNote: r.reviewNote,
      createdAt: r.createdAt.toISOString(),
      reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
    }));
  }

  private async organizationViews(where: Record<string, unknown>): Promise<PartyOrganizationView[]> {
    const rows = await this.dataSource.getRepository(PartyOrganization).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    const counts: Array<{ orgId: number | string; n: number | string }> = rows.length
      ? await this.dataSource
          .getRepository(PartyMemberCheckIn)
          .createQueryBuilder('m')
          .select('m.partyOrganizationId', 'orgId')
          .addSelect('COUNT(*)', 'n')
          .where('m.partyOrganizationId IN (:...ids)', { ids: rows.map((r) => r.id) })
          .andWhere('m.status = :status', { status: 'confirmed' })
          .groupBy('m.partyOrganizationId')
          .getRawMany()
      : [];
    const countOf = new Map(counts.map((c) => [Number(c.orgId), Number(c.n)]));
    return rows.map((r) => ({
      id: r.id,
      communityId: r.communityId,
      name: r.name,
      contactName: r.contactName,
      contactPhoneMasked: maskPhone(r.contactPhone),
      resources: r.resources,
      needs: r.needs,
      status: r.status,
      memberCount: countOf.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
