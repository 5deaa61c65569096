import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RoleGrant, ScopeKind } from '@linli/shared';
import { DataSource, In } from 'typeorm';
import { Department } from '../departments/department.entity';
import { Community } from '../grids/community.entity';
import { District } from '../grids/district.entity';
import { Grid } from '../grids/grid.entity';
import { Street } from '../grids/street.entity';

const SEPARATOR = ' · ';

function idsOf(grants: RoleGrant[], kind: ScopeKind): number[] {
  return [...new Set(grants.filter((g) => g.scopeKind === kind && g.scopeId !== null).map((g) => g.scopeId as number))];
}

/**
 * Human labels for grant scopes, from the street down ("洪桥街道 · 小北社区 · 第3网格");
 * a district or department is named on its own. Batched: a few queries for any number of grants.
 */
@Injectable()
export class ScopeLabels {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async labelAll(grants: RoleGrant[]): Promise<(string | null)[]> {
    const grids = await this.byId(Grid, idsOf(grants, 'grid'));
    const communityIds = [...new Set([...idsOf(grants, 'community'), ...[...grids.values()].map((g) => g.communityId)])];
    const communities = await this.byId(Community, communityIds);
    const streetIds = [...new Set([...idsOf(grants, 'street'), ...[...communities.values()].map((c) => c.streetId)])];
    const streets = await this.byId(Street, streetIds);
    const districts = await this.byId(District, idsOf(grants, 'district'));
    const departments = await this.byId(Department, idsOf(grants, 'department'));

    const communityLabel = (id: number): string | null => {
      const community = communities.get(id);
      if (!community) return null;
      const street = streets.get(community.streetId);
      return street ? `${street.name}${SEPARATOR}${community.name}` : community.name;
    };

    return grants.map((grant) => {
      if (grant.scopeId === null) return null;
      switch (grant.scopeKind) {
        case 'district':
          return districts.get(grant.scopeId)?.name ?? null;
        case 'street':
          return streets.get(grant.scopeId)?.name ?? null;
        case 'community':
          return communityLabel(grant.scopeId);
        case 'grid': {
          const grid = grids.get(grant.scopeId);
          if (!grid) return null;
          const parent = communityLabel(grid.communityId);
          return parent ? `${parent}${SEPARATOR}${grid.name}` : grid.name;
        }
        case 'department':
          return departments.get(grant.scopeId)?.name ?? null;
        default:
          return null;
      }
    });
  }

  private async byId<T extends { id: number }>(entity: new () => T, ids: number[]): Promise<Map<number, T>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(entity).findBy({ id: In(ids) } as never);
    return new Map(rows.map((row) => [row.id, row]));
  }
}
