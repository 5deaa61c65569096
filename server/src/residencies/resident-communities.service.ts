import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Household } from './household.entity';
import { Residency } from './residency.entity';

/** Where a person lives as the committee has confirmed it: other features ask this, never the tables. */
@Injectable()
export class ResidentCommunities {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The communities in which the person holds a verified residency (pending and rejected ones don't count). */
  async verifiedCommunityIds(userId: number): Promise<number[]> {
    const rows: { community_id: number | string }[] = await this.dataSource
      .getRepository(Residency)
      .createQueryBuilder('r')
      .innerJoin(Household, 'h', 'h.id = r.household_id')
      .select('DISTINCT h.community_id', 'community_id')
      .where('r.user_id = :userId AND r.status = :verified', { userId, verified: 'verified' })
      .getRawMany();
    return rows.map((r) => Number(r.community_id));
  }
}
