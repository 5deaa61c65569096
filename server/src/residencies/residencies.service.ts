import { Injectable, Logger } from '@nestjs/common';
import { maskPhone, type ResidencyReviewItem, type ResidencyStatus, type ResidencySummary } from '@linli/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { isUniqueViolation } from '../common/error-mapping';
import { TransactionRunner } from '../database/transaction-runner';
import { Community } from '../grids/community.entity';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import { ResidencyApplicationDto } from './dto/residency-application.dto';
import { Household } from './household.entity';
import { Residency } from './residency.entity';
import { toResidencySummary } from './residency-view';
import { exclusiveAreaProblem, normaliseAddressPart } from './residency-rules';

@Injectable()
export class ResidenciesService {
  private readonly logger = new Logger(ResidenciesService.name);

  constructor(private readonly transactions: TransactionRunner) {}

  private get dataSource(): DataSource {
    return this.transactions.dataSource;
  }

  /**
   * A person asks to be bound to a flat: the household is found or created, the residency waits for
   * the committee. A rejected application may be sent again; a pending or verified one is a conflict.
   */
  async apply(userId: number, application: ResidencyApplicationDto): Promise<ResidencySummary> {
    const areaProblem = exclusiveAreaProblem(application.relation, application.exclusiveArea);
    if (areaProblem) {
      throw new ApiException(400, 'validation_failed', areaProblem, [
        { field: 'exclusiveArea', constraints: ['exclusiveAreaRule'], messages: [areaProblem] },
      ]);
    }
    const community = await this.dataSource.getRepository(Community).findOneBy({ id: application.communityId });
    if (!community) throw new ApiException(404, 'not_found', '所选社区不存在');

    const residencyId = await this.transactions.run(async (manager) => {
      const household = await this.findOrCreateHousehold(manager, application);
      const residencies = manager.getRepository(Residency);
      const existing = await residencies.findOneBy({ userId, householdId: household.id });
      if (existing && existing.status !== 'rejected') {
        throw new ApiException(409, 'conflict', existing.status === 'pending' ? '您已提交过该房屋的认证申请，请等待审核' : '您已认证该房屋');
      }
      const fields = {
        relation: application.relation,
        exclusiveArea: application.relation === 'owner' ? application.exclusiveArea ?? null : null,
        status: 'pending' as const,
        reviewNote: null,
        reviewedById: null,
        reviewedAt: null,
      };
      const saved = existing
        ? await residencies.save(residencies.merge(existing, fields))
        : await residencies.save(residencies.create({ userId, householdId: household.id, ...fields }));
      await manager.getRepository(User).update({ id: userId }, { realName: application.realName.trim() });
      return saved.id;
    });
    this.logger.log({ residencyId, userId, communityId: community.id }, 'residency application submitted');
    return this.summary(residencyId);
  }

  /** Applications in one community, oldest first, for the committee's review list. */
  async listForCommunity(communityId: number, status: ResidencyStatus): Promise<ResidencyReviewItem[]> {
    const rows = await this.dataSource
      .getRepository(Residency)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.household', 'h')
      .innerJoinAndSelect('h.community', 'c')
      .innerJoinAndSelect('r.user', 'u')
      .where('h.communityId = :communityId', { communityId })
      .andWhere('r.status = :status', { status })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    return rows.map((row) => ({
      ...toResidencySummary(row),
      applicant: { id: row.user!.id, name: row.user!.name, realName: row.user!.realName, phoneMasked: row.user!.phone ? maskPhone(row.user!.phone) : null },
      createdAt: row.createdAt.toISOString(),
      reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
    }));
  }

  /**
   * The committee's decision. Only a pending application can be decided (409 otherwise, e.g. two
   * committee members at once); approval makes the person a resident of that community in the same
   * transaction, so a verified residency never exists without the grant.
   */
  async review(residencyId: number, reviewerId: number, approve: boolean, note?: string): Promise<ResidencySummary> {
    await this.transactions.run(async (manager) => {
      const residency = await manager.getRepository(Residency).findOne({ where: { id: residencyId }, relations: { household: true } });
      if (!residency) throw new ApiException(404, 'not_found', '该认证申请不存在');
      const decided = await manager
        .createQueryBuilder()
        .update(Residency)
        .set({ status: approve ? 'verified' : 'rejected', reviewNote: note?.trim() || null, reviewedById: reviewerId, reviewedAt: new Date() })
        .where('id = :id AND status = :pending', { id: residencyId, pending: 'pending' })
        .execute();
      if (!decided.affected) throw new ApiException(409, 'conflict', '该申请已审核过');
      if (approve) await this.grantResident(manager, residency.userId, residency.household!.communityId);
    });
    this.logger.log({ residencyId, reviewerId, approve }, 'residency reviewed');
    return this.summary(residencyId);
  }

  private async grantResident(manager: EntityManager, userId: number, communityId: number): Promise<void> {
    const grants = manager.getRepository(RoleGrant);
    const has = await grants.exist({ where: { userId, role: 'resident', scopeKind: 'community', scopeId: communityId } });
    if (!has) await grants.insert({ userId, role: 'resident', scopeKind: 'community', scopeId: communityId });
  }

  private async findOrCreateHousehold(manager: EntityManager, application: ResidencyApplicationDto): Promise<Household> {
    const households = manager.getRepository(Household);
    const address = {
      communityId: application.communityId,
      building: normaliseAddressPart(application.building),
      unit: normaliseAddressPart(application.unit),
      room: normaliseAddressPart(application.room),
    };
    const found = await households.findOneBy(address);
    if (found) return found;
    try {
      return await households.save(households.create({ ...address, gridId: null }));
    } catch (error) {
      // Someone else registered the same flat a moment ago; theirs is the household.
      if (!isUniqueViolation(error)) throw error;
      return households.findOneByOrFail(address);
    }
  }

  private async summary(residencyId: number): Promise<ResidencySummary> {
    const residency = await this.dataSource
      .getRepository(Residency)
      .findOneOrFail({ where: { id: residencyId }, relations: { household: { community: true } } });
    return toResidencySummary(residency);
  }
}
