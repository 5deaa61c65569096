import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Department } from '../../departments/department.entity';
import { ProblemCategory } from '../../departments/problem-category.entity';
import { DutyShift } from '../../dispatch/duty-shift.entity';
import { Community } from '../../grids/community.entity';
import { Grid } from '../../grids/grid.entity';
import { Residency } from '../../residencies/residency.entity';
import { RoleGrant } from '../../users/role-grant.entity';
import { User } from '../../users/user.entity';
import { seedDemoDistrict, SeedReport } from './seed-demo-district';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch } from './testing/scratch-database';

/** Everything a second seed must leave exactly as it was, row by row. */
async function snapshot(dataSource: DataSource) {
  const m = dataSource.manager;
  return {
    users: await m.find(User, { order: { id: 'ASC' } }),
    grants: await m.find(RoleGrant, { order: { id: 'ASC' } }),
    residencies: await m.find(Residency, { order: { id: 'ASC' } }),
    grids: await m.find(Grid, { order: { id: 'ASC' } }),
    categories: await m.find(ProblemCategory, { order: { id: 'ASC' } }),
  };
}

function expectMinimums(report: SeedReport): void {
  expect(report.districts).toBe(1);
  expect(report.streets).toBeGreaterThanOrEqual(4);
  expect(report.communities).toBeGreaterThanOrEqual(8);
  expect(report.grids).toBeGreaterThanOrEqual(60);
  expect(report.departments).toBeGreaterThanOrEqual(12);
  expect(report.problemCategories).toBeGreaterThanOrEqual(30);
  expect(report.residencies).toBeGreaterThanOrEqual(report.communities * 15);
  expect(report.households).toBeGreaterThan(0);
  expect(report.dutyShifts).toBeGreaterThan(report.grids * 5);
}

describe('seedDemoDistrict on SQLite', () => {
  let dataSource: DataSource;
  let first: SeedReport;
  beforeAll(async () => {
    dataSource = await openSqliteScratch();
    first = await seedDemoDistrict(dataSource);
  });
  afterAll(async () => dataSource.destroy());

  it('loads at least the promised district, departments, categories and people', () => {
    expectMinimums(first);
  });

  it('changes nothing and reports the same totals when run again', async () => {
    const before = await snapshot(dataSource);
    expect(await seedDemoDistrict(dataSource)).toEqual(first);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it('routes every category to a department that exists and keeps its keywords as a list', async () => {
    const departments = new Set((await dataSource.manager.find(Department)).map((d) => d.id));
    const categories = await dataSource.manager.find(ProblemCategory);
    for (const category of categories) {
      expect(departments.has(category.defaultDepartmentId)).toBe(true);
      expect(category.keywords.length).toBeGreaterThanOrEqual(4);
      expect(category.keywords.length).toBeLessThanOrEqual(10);
    }
    const groups = new Set(categories.map((c) => c.groupName));
    expect([...groups].sort()).toEqual(['其他', '公共设施', '噪音扰民', '园林绿化', '市容环境', '治安消防', '物业管理', '环境卫生', '违章搭建', '道路交通'].sort());
  });

  it('gives every grid a worker and every community a dispatcher, a committee and a party branch', async () => {
    const m = dataSource.manager;
    const grants = await m.find(RoleGrant);
    const has = (role: string, scopeKind: string, scopeId: number) => grants.some((g) => g.role === role && g.scopeKind === scopeKind && g.scopeId === scopeId);
    for (const grid of await m.find(Grid)) expect(has('grid_worker', 'grid', grid.id)).toBe(true);
    for (const community of await m.find(Community)) {
      expect(has('grid_worker', 'community', community.id)).toBe(true);
      expect(has('community_committee', 'community', community.id)).toBe(true);
      expect(has('party_branch', 'community', community.id)).toBe(true);
    }
    const dispatcherShifts = await m.find(DutyShift, { where: { isDispatcher: true } });
    expect(dispatcherShifts.every((s) => s.gridId === null && s.communityId !== null)).toBe(true);
  });

  it('grants the resident role only to people whose residency is verified', async () => {
    const m = dataSource.manager;
    const residencies = await m.find(Residency);
    const residentGrants = new Set((await m.find(RoleGrant, { where: { role: 'resident' } })).map((g) => g.userId));
    const verified = new Set(residencies.filter((r) => r.status === 'verified').map((r) => r.userId));
    expect(residentGrants).toEqual(verified);
    expect(residencies.some((r) => r.status === 'pending')).toBe(true);
    for (const r of residencies) {
      if (r.relation === 'owner') expect(r.exclusiveArea).toBeGreaterThanOrEqual(45);
      else expect(r.exclusiveArea).toBeNull();
    }
  });

  it('keeps a review made during the demo when seeding again', async () => {
    const m = dataSource.manager;
    const pending = await m.findOneByOrFail(Residency, { status: 'pending' });
    await m.update(Residency, pending.id, { status: 'verified', reviewNote: '已核实' });
    await seedDemoDistrict(dataSource);
    expect(await m.findOneByOrFail(Residency, { id: pending.id })).toMatchObject({ status: 'verified', reviewNote: '已核实' });
  });

  it('brings a renamed community back to its seeded name', async () => {
    const m = dataSource.manager;
    const community = await m.findOneByOrFail(Community, { code: '440104001001' });
    await m.update(Community, community.id, { name: '改过的名字' });
    await seedDemoDistrict(dataSource);
    expect((await m.findOneByOrFail(Community, { id: community.id })).name).toBe(community.name);
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('seedDemoDistrict on MariaDB', () => {
  it('loads the district and reports the same totals on a second run', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_b');
    try {
      const first = await seedDemoDistrict(scratch.dataSource);
      expectMinimums(first);
      const before = await snapshot(scratch.dataSource);
      expect(await seedDemoDistrict(scratch.dataSource)).toEqual(first);
      expect(await snapshot(scratch.dataSource)).toEqual(before);
    } finally {
      await scratch.drop();
    }
  });
});
