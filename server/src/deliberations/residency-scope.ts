import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeliberationScope, parseExclusiveArea } from '@linli/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Household } from '../residencies/household.entity';
import { Residency } from '../residencies/residency.entity';
import { CoalescedReads } from '../common/coalesced-reads';
import type { PollRollUnit } from './entities/poll.entity';

/** Scopes with their own batched membership reads kept at most; beyond it the oldest is dropped. */
const SCOPE_READERS = 256;

export interface OwnedUnit {
  unitId: number;
  label: string;
  /** Hundredths of m². */
  exclusiveArea: number;
}

/**
 * Who belongs to a deliberation's scope, read from verified residencies: residents of the community or of
 * one building, or owners of units. Only verified residencies count anywhere; a pending application grants
 * nothing.
 */
@Injectable()
export class ResidencyScope {
  /** Per scope: membership reads of voters arriving together share one query (never a cached answer). */
  private readonly inScopeReads = new Map<string, CoalescedReads<number, true>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private verified(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(Residency)
      .createQueryBuilder('r')
      .innerJoin(Household, 'h', 'h.id = r.household_id')
      .where('r.status = :verified', { verified: 'verified' });
  }

  /** Whether the user is a verified resident of the community at all (may propose, support, report). */
  async isResidentOf(userId: number, communityId: number): Promise<boolean> {
    const count = await this.verified().andWhere('r.user_id = :userId AND h.community_id = :communityId', { userId, communityId }).getCount();
    return count > 0;
  }

  /**
   * Whether the user belongs to the scope (may comment, and vote in personal votes). Always a fresh read;
   * concurrent checks for the same scope (fifty voters casting at once) are answered by one query.
   */
  async isInScope(userId: number, communityId: number, scope: DeliberationScope): Promise<boolean> {
    const key = `${communityId}\u0000${scope.kind}\u0000${scope.kind === 'building' ? (scope.building ?? '') : ''}`;
    let reads = this.inScopeReads.get(key);
    if (!reads) {
      if (this.inScopeReads.size >= SCOPE_READERS) this.inScopeReads.delete(this.inScopeReads.keys().next().value!);
      reads = new CoalescedReads((userIds) => this.membersAmong(userIds, communityId, scope));
      this.inScopeReads.set(key, reads);
    }
    return (await reads.load(userId)) === true;
  }

  /** Which of these users belong to the scope. */
  private async membersAmong(userIds: number[], communityId: number, scope: DeliberationScope): Promise<Map<number, true>> {
    const query = this.verified()
      .select('DISTINCT r.user_id', 'user_id')
      .andWhere('r.user_id IN (:...userIds) AND h.community_id = :communityId', { userIds, communityId });
    if (scope.kind === 'building') query.andWhere('h.building = :building', { building: scope.building ?? '' });
    if (scope.kind === 'owners') query.andWhere('r.relation = :owner', { owner: 'owner' });
    const rows = await query.getRawMany<{ user_id: number | string }>();
    return new Map(rows.map((row) => [Number(row.user_id), true as const]));
  }

  /** Everyone in the scope (distinct users), e.g. to tell them a vote's result; read in the caller's transaction. */
  async membersOf(manager: EntityManager, communityId: number, scope: DeliberationScope): Promise<number[]> {
    const query = this.verified(manager).select('DISTINCT r.user_id', 'user_id').andWhere('h.community_id = :communityId', { communityId });
    if (scope.kind === 'building') query.andWhere('h.building = :building', { building: scope.building ?? '' });
    if (scope.kind === 'owners') query.andWhere('r.relation = :owner', { owner: 'owner' });
    const rows = await query.getRawMany<{ user_id: number | string }>();
    return rows.map((row) => Number(row.user_id));
  }

  /**
   * The owners' roll: every unit of the community with a verified owner and a recorded exclusive area. A
   * unit's headcount owner is its lowest-numbered verified owner, so one person owning several units counts
   * once (Art. 278 headcount) and co-owners of one unit count as one.
   */
  async ownerRoll(communityId: number): Promise<PollRollUnit[]> {
    const rows = await this.verified()
      .select(['h.id AS unit_id', 'h.building AS building', 'h.unit AS unit', 'h.room AS room', 'r.user_id AS user_id', 'r.exclusive_area AS area'])
      .andWhere('h.community_id = :communityId AND r.relation = :owner AND r.exclusive_area IS NOT NULL', { communityId, owner: 'owner' })
      .orderBy('h.id', 'ASC')
      .addOrderBy('r.user_id', 'ASC')
      .getRawMany<{ unit_id: number; building: string; unit: string; room: string; user_id: number; area: string | number }>();
    const byUnit = new Map<number, PollRollUnit>();
    for (const row of rows) {
      if (byUnit.has(Number(row.unit_id))) continue;
      const area = parseExclusiveArea(String(row.area));
      if (area <= 0) continue;
      byUnit.set(Number(row.unit_id), {
        unitId: String(row.unit_id),
        ownerKey: `user:${row.user_id}`,
        exclusiveArea: area,
        label: `${row.building}${row.unit}${row.room}`,
      });
    }
    return [...byUnit.values()];
  }

  /** Units the user is a verified owner of in the community. */
  async ownedUnits(userId: number, communityId: number): Promise<OwnedUnit[]> {
    const rows = await this.verified()
      .select(['h.id AS unit_id', 'h.building AS building', 'h.unit AS unit', 'h.room AS room', 'r.exclusive_area AS area'])
      .andWhere('r.user_id = :userId AND h.community_id = :communityId AND r.relation = :owner', { userId, communityId, owner: 'owner' })
      .orderBy('h.id', 'ASC')
      .getRawMany<{ unit_id: number; building: string; unit: string; room: string; area: string | number | null }>();
    return rows.map((row) => ({
      unitId: Number(row.unit_id),
      label: `${row.building}${row.unit}${row.room}`,
      exclusiveArea: row.area === null ? 0 : parseExclusiveArea(String(row.area)),
    }));
  }
}
