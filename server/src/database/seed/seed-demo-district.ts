import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Department } from '../../departments/department.entity';
import { ProblemCategory } from '../../departments/problem-category.entity';
import { DutyShift } from '../../dispatch/duty-shift.entity';
import { Community } from '../../grids/community.entity';
import { District } from '../../grids/district.entity';
import { Grid } from '../../grids/grid.entity';
import { Street } from '../../grids/street.entity';
import { Household } from '../../residencies/household.entity';
import { Residency } from '../../residencies/residency.entity';
import { RoleGrant } from '../../users/role-grant.entity';
import { User } from '../../users/user.entity';
import catalogueJson from './data/catalogue.json';
import orgJson from './data/org.json';
import peopleJson from './data/people.json';
import type { SeedCatalogueData, SeedGrant, SeedOrgData, SeedPeopleData } from './demo-district-data';
import { syncRows } from './sync-rows';

/** How many rows of each kind the database holds after seeding (totals, not rows inserted this run). */
export interface SeedReport {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  departments: number;
  problemCategories: number;
  users: number;
  roleGrants: number;
  households: number;
  residencies: number;
  dutyShifts: number;
}

export const DEMO_ORG = orgJson as SeedOrgData;
export const DEMO_CATALOGUE = catalogueJson as SeedCatalogueData;
export const DEMO_PEOPLE = peopleJson as SeedPeopleData;

/** Seeded reviews are dated once, so re-seeding never moves them. */
const SEED_REVIEWED_AT = new Date('2024-11-01T02:00:00Z');

/**
 * Loads the demo district (越秀区) from the committed JSON in one transaction. Idempotent: rows are matched
 * by natural key (codes, seed keys, addresses), missing ones inserted in batches, changed names brought
 * back; residencies, grants and shifts are only ever added, so what happened during a demo (a review,
 * a new grant) survives a re-seed.
 */
export async function seedDemoDistrict(dataSource: DataSource): Promise<SeedReport> {
  await dataSource.transaction(async (m) => {
    const org = DEMO_ORG;
    const districts = await syncRows(m, District, [{ code: org.district.code, name: org.district.name }], {
      keyOf: (r) => r.code!,
      update: ['name'],
    });
    const districtId = districts.get(org.district.code)!.id;

    const streets = await syncRows(
      m,
      Street,
      org.streets.map((s) => ({ code: s.code, name: s.name, districtId })),
      { keyOf: (r) => r.code!, update: ['name', 'districtId'] },
    );
    const communities = await syncRows(
      m,
      Community,
      org.communities.map((c) => ({ code: c.code, name: c.name, streetId: streets.get(c.streetCode)!.id })),
      { keyOf: (r) => r.code!, update: ['name', 'streetId'] },
    );
    const grids = await syncRows(
      m,
      Grid,
      org.grids.map((g) => ({ code: g.code, name: g.name, communityId: communities.get(g.communityCode)!.id, polygon: JSON.stringify(g.polygon), ...bboxOf(g.polygon.coordinates[0]) })),
      { keyOf: (r) => r.code!, update: ['name', 'communityId', 'polygon', 'minLng', 'minLat', 'maxLng', 'maxLat'] },
    );

    const departments = await syncRows(
      m,
      Department,
      DEMO_CATALOGUE.departments.map((d) => ({ code: d.code, name: d.name, phone: d.phone, districtId })),
      { keyOf: (r) => r.code!, update: ['name', 'phone', 'districtId'] },
    );
    await syncRows(
      m,
      ProblemCategory,
      DEMO_CATALOGUE.categories.map((c, i) => ({
        code: c.code,
        name: c.name,
        groupName: c.group,
        defaultDepartmentId: departments.get(c.departmentCode)!.id,
        responseHours: c.responseHours,
        resolveHours: c.resolveHours,
        keywords: c.keywords,
        sortOrder: (i + 1) * 10,
      })),
      { keyOf: (r) => r.code!, update: ['name', 'groupName', 'defaultDepartmentId', 'responseHours', 'resolveHours', 'keywords', 'sortOrder'] },
    );

    const people = DEMO_PEOPLE;
    const users = await syncRows(
      m,
      User,
      people.users.map((u) => ({ seedKey: u.seedKey, name: u.name, realName: u.realName, phone: u.phone })),
      { keyOf: (r) => r.seedKey!, update: ['name', 'realName', 'phone'], where: { seedKey: Not(IsNull()) } },
    );
    const userId = (seedKey: string) => users.get(seedKey)!.id;

    const scopeIds: Record<SeedGrant['scopeKind'], Map<string, { id: number }>> = { district: districts, street: streets, community: communities, grid: grids, department: departments };
    await syncRows(
      m,
      RoleGrant,
      people.users.flatMap((u) =>
        u.grants.map((g) => ({ userId: userId(u.seedKey), role: g.role, scopeKind: g.scopeKind, scopeId: scopeIds[g.scopeKind].get(g.scopeCode)!.id })),
      ),
      { keyOf: (r) => `${r.userId}/${r.role}/${r.scopeKind}/${r.scopeId}`, update: [] },
    );

    const addressKey = (r: Partial<Household>) => `${r.communityId}/${r.building}/${r.unit}/${r.room}`;
    const householdRows = new Map<string, Partial<Household>>();
    for (const r of people.residencies) {
      const row = { communityId: communities.get(r.communityCode)!.id, gridId: grids.get(r.gridCode)!.id, building: r.building, unit: r.unit, room: r.room };
      householdRows.set(addressKey(row), row);
    }
    const households = await syncRows(m, Household, [...householdRows.values()], { keyOf: addressKey, update: ['gridId'] });

    const committeeOf = new Map(DEMO_ORG.communities.map((c) => [c.code, `committee-${c.key}`]));
    await syncRows(
      m,
      Residency,
      people.residencies.map((r) => {
        const household = households.get(addressKey({ communityId: communities.get(r.communityCode)!.id, building: r.building, unit: r.unit, room: r.room }))!;
        const reviewed = r.status !== 'pending';
        return {
          userId: userId(r.seedKey),
          householdId: household.id,
          relation: r.relation,
          exclusiveArea: r.exclusiveArea,
          status: r.status,
          reviewNote: r.status === 'rejected' ? '房产信息与登记不符，请补充材料后重新申请' : null,
          reviewedById: reviewed ? userId(committeeOf.get(r.communityCode)!) : null,
          reviewedAt: reviewed ? SEED_REVIEWED_AT : null,
        };
      }),
      { keyOf: (r) => `${r.userId}/${r.householdId}`, update: [] },
    );

    await syncRows(
      m,
      DutyShift,
      people.shifts.map((s) => ({
        userId: userId(s.seedKey),
        gridId: s.gridCode === null ? null : grids.get(s.gridCode)!.id,
        communityId: communities.get(s.communityCode)!.id,
        weekday: s.weekday,
        startMinute: s.startMinute,
        endMinute: s.endMinute,
        isDispatcher: s.isDispatcher,
      })),
      { keyOf: shiftKey, update: [] },
    );
  });
  return countRows(dataSource.manager);
}

function shiftKey(s: Partial<DutyShift>): string {
  return [s.userId, s.gridId ?? '-', s.communityId ?? '-', s.weekday, s.startMinute, s.endMinute, s.isDispatcher ? 1 : 0].join('/');
}

function bboxOf(ring: number[][]): Pick<Grid, 'minLng' | 'minLat' | 'maxLng' | 'maxLat'> {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { minLng: Math.min(...lngs), minLat: Math.min(...lats), maxLng: Math.max(...lngs), maxLat: Math.max(...lats) };
}

async function countRows(m: EntityManager): Promise<SeedReport> {
  const [districts, streets, communities, grids, departments, problemCategories, users, roleGrants, households, residencies, dutyShifts] = await Promise.all(
    [District, Street, Community, Grid, Department, ProblemCategory, User, RoleGrant, Household, Residency, DutyShift].map((entity) => m.count(entity)),
  );
  return { districts, streets, communities, grids, departments, problemCategories, users, roleGrants, households, residencies, dutyShifts };
}
