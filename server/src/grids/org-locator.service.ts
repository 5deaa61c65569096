import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ResourceLocation } from '@linli/shared';
import { Repository } from 'typeorm';
import { Department } from '../departments/department.entity';
import { Community } from './community.entity';
import { Grid } from './grid.entity';

/**
 * Where a community, grid or department sits in the tree, so the permission guard can tell whether a
 * grant covers it. One indexed join per call; null when the id does not exist (the guard answers 404).
 */
@Injectable()
export class OrgLocator {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Grid) private readonly grids: Repository<Grid>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
  ) {}

  async locateCommunity(id: number): Promise<ResourceLocation | null> {
    const community = await this.communities.findOne({ where: { id }, relations: { street: true } });
    if (!community?.street) return null;
    return { districtId: community.street.districtId, streetId: community.streetId, communityId: community.id };
  }

  async locateGrid(id: number): Promise<ResourceLocation | null> {
    const grid = await this.grids.findOne({
      where: { id },
      relations: { community: { street: true } },
      // The polygon is the bulk of a grid row and plays no part in where it sits.
      select: { id: true, communityId: true, community: { id: true, streetId: true, street: { id: true, districtId: true } } },
    });
    if (!grid?.community?.street) return null;
    return { districtId: grid.community.street.districtId, streetId: grid.community.streetId, communityId: grid.communityId, gridId: grid.id };
  }

  async locateDepartment(id: number): Promise<ResourceLocation | null> {
    const department = await this.departments.findOne({ where: { id }, select: { id: true, districtId: true } });
    return department ? { districtId: department.districtId, departmentId: department.id } : null;
  }
}
