import {
  CASE_FIGURES_MAX_DAYS,
  caseFiguresDefaultDays,
  caseFiguresRange,
  CaseFigures,
  CaseFiguresCase,
  CaseFiguresGroup,
  CaseFiguresQuery,
  computeCaseFigures,
  RoleGrant,
} from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { Department } from '../departments/department.entity';
import { Community } from '../grids/community.entity';
import { Grid } from '../grids/grid.entity';
import { Street } from '../grids/street.entity';
import { Case, CaseTimelineEntry } from './entities';

/** Whose cases the caller may count: whole districts (administrators) and single communities (committees). */
interface FiguresScope {
  districtIds: number[];
  communityIds: number[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const FiguresErrors = {
  notInScope: () => new ApiException(403, 'forbidden', '这不在您负责的范围内'),
  unknownCommunity: () => new ApiException(404, 'not_found', '该社区不存在'),
  badRange: (message: string) => new ApiException(400, 'validation_failed', message),
};

/**
 * Case figures for the committee (its community) and the district administrator (the district): loads the
 * cases reported in the range and their groups, and lets the shared pure computation count.
 */
@Injectable()
export class CaseFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(grants: readonly RoleGrant[], query: CaseFiguresQuery, now: Date = new Date()): Promise<CaseFigures> {
    const days = { ...caseFiguresDefaultDays(now), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    const { start, end } = this.range(days.from, days.to);
    const scope = await this.scopeOf(grants, query.communityId);
    const cases = await this.cases(scope, start, end);
    const groups = await this.groups(query.groupBy, scope, cases);
    const { total, rows } = computeCaseFigures(query.groupBy, groups, cases, now);
    return { groupBy: query.groupBy, communityId: query.communityId ?? null, from: days.from, to: days.to, at: now.toISOString(), total, rows };
  }

  private range(from: string, to: string): { start: Date; end: Date } {
    let range: { start: Date; end: Date };
    try {
      range = caseFiguresRange(from, to);
    } catch {
      throw FiguresErrors.badRange('日期格式应为 YYYY-MM-DD');
    }
    if (Number.isNaN(range.start.getTime()) || Number.isNaN(range.end.getTime())) throw FiguresErrors.badRange('日期无效');
    if (range.end <= range.start) throw FiguresErrors.badRange('开始日期不能晚于结束日期');
    if (range.end.getTime() - range.start.getTime() > CASE_FIGURES_MAX_DAYS * DAY_MS) throw FiguresErrors.badRange(`统计区间最长 ${CASE_FIGURES_MAX_DAYS} 天`);
    return range;
  }

  private async scopeOf(grants: readonly RoleGrant[], communityId: number | undefined): Promise<FiguresScope> {
    const districts = grants.filter((g) => g.role === 'district_admin' && g.scopeKind === 'district' && g.scopeId !== null).map((g) => g.scopeId!);
    const communities = grants.filter((g) => g.role === 'community_committee' && g.scopeKind === 'community' && g.scopeId !== null).map((g) => g.scopeId!);
    if (communityId === undefined) {
      if (districts.length === 0 && communities.length === 0) throw FiguresErrors.notInScope();
      return { districtIds: districts, communityIds: communities };
    }
    const community = await this.dataSource.getRepository(Community).findOneBy({ id: communityId });
    if (!community) throw FiguresErrors.unknownCommunity();
    const street = await this.dataSource.getRepository(Street).findOneBy({ id: community.streetId });
    if (!communities.includes(communityId) && !(street && districts.includes(street.districtId))) throw FiguresErrors.notInScope();
    return { districtIds: [], communityIds: [communityId] };
  }

  /**
   * Every group in scope, so a grid or department without cases still shows (with zeros); for departments
   * also any other department leading one of the cases (a district department working a community's case).
   */
  private async groups(groupBy: CaseFiguresQuery['groupBy'], scope: FiguresScope, cases: readonly CaseFiguresCase[]): Promise<CaseFiguresGroup[]> {
    const ds = this.dataSource;
    const streets = scope.districtIds.length ? await ds.getRepository(Street).find({ where: { districtId: In(scope.districtIds) }, select: { id: true } }) : [];
    const districtCommunities = streets.length
      ? await ds.getRepository(Community).find({ where: { streetId: In(streets.map((s) => s.id)) }, select: { id: true, name: true, streetId: true } })
      : [];
    const ownCommunities = scope.communityIds.length ? await ds.getRepository(Community).find({ where: { id: In(scope.communityIds) }, select: { id: true, name: true, streetId: true } }) : [];
    const communities = [...new Map([...districtCommunities, ...ownCommunities].map((c) => [c.id, c])).values()];
    switch (groupBy) {
      case 'community':
        return communities.map((c) => ({ id: c.id, name: c.name }));
      case 'grid': {
        if (communities.length === 0) return [];
        const grids = await ds.getRepository(Grid).find({ where: { communityId: In(communities.map((c) => c.id)) }, select: { id: true, name: true, communityId: true } });
        const communityName = new Map(communities.map((c) => [c.id, c.name]));
        // Grid names repeat across communities (第1网格); the community makes them tell apart.
        return grids.map((g) => ({ id: g.id, name: `${communityName.get(g.communityId) ?? ''}${g.name}` }));
      }
      case 'department': {
        const streetIds = [...new Set(communities.map((c) => c.streetId))];
        const ownStreets = streetIds.length ? await ds.getRepository(Street).find({ where: { id: In(streetIds) }, select: { id: true, districtId: true } }) : [];
        const districtIds = [...new Set([...scope.districtIds, ...ownStreets.map((s) => s.districtId)])];
        const leading = [...new Set(cases.flatMap((c) => (c.leadDepartmentId === null ? [] : [c.leadDepartmentId])))];
        const where = [...(districtIds.length ? [{ districtId: In(districtIds) }] : []), ...(leading.length ? [{ id: In(leading) }] : [])];
        if (where.length === 0) return [];
        const departments = await ds.getRepository(Department).find({ where, select: { id: true, name: true } });
        return departments.map((d) => ({ id: d.id, name: d.name }));
      }
    }
  }

  private inScope<T extends object>(qb: SelectQueryBuilder<T>, scope: FiguresScope, alias: string): SelectQueryBuilder<T> {
    return qb.andWhere(
      new Brackets((w) => {
        w.where('1 = 0');
        if (scope.districtIds.length) w.orWhere(`${alias}.districtId IN (:...scopeDistricts)`, { scopeDistricts: scope.districtIds });
        if (scope.communityIds.length) w.orWhere(`${alias}.communityId IN (:...scopeCommunities)`, { scopeCommunities: scope.communityIds });
      }),
    );
  }

  private async cases(scope: FiguresScope, start: Date, end: Date): Promise<CaseFiguresCase[]> {
    const rows = await this.inScope(
      this.dataSource.getRepository(Case).createQueryBuilder('c').where('c.createdAt >= :start AND c.createdAt < :end', { start, end }),
      scope,
      'c',
    ).getMany();
    if (rows.length === 0) return [];
    // Re-dispatched by hand: reassigned, or dispatched by a dispatcher or supervisor rather than the handler it was routed to.
    const manual = await this.inScope(
      this.dataSource
        .getRepository(CaseTimelineEntry)
        .createQueryBuilder('t')
        .innerJoin(Case, 'c', 'c.id = t.caseId')
        .select('t.caseId', 'caseId')
        .distinct(true)
        .where('c.createdAt >= :start AND c.createdAt < :end', { start, end })
        .andWhere(new Brackets((w) => w.where(`t.event = 'reassign'`).orWhere(`t.event = 'dispatch' AND t.actorRole IN ('dispatcher', 'supervisor')`))),
      scope,
      'c',
    ).getRawMany<{ caseId: number | string }>();
    const manualIds = new Set(manual.map((r) => Number(r.caseId)));
    const date = (d: Date | null) => (d === null ? null : new Date(d));
    return rows.map((r) => ({
      status: r.status,
      gridId: r.gridId,
      communityId: r.communityId,
      leadDepartmentId: r.leadDepartmentId,
      routedBy: r.routedBy,
      manuallyRedispatched: manualIds.has(r.id),
      createdAt: new Date(r.createdAt),
      acceptedAt: date(r.acceptedAt),
      resolvedAt: date(r.resolvedAt),
      closedAt: date(r.closedAt),
      rating: r.rating,
      responseDueAt: date(r.responseDueAt),
      resolveDueAt: date(r.resolveDueAt),
    }));
  }
}
