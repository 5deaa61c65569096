import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { Department } from '../departments/department.entity';
import { DepartmentsService } from '../departments/departments.service';
import { ProblemCategory } from '../departments/problem-category.entity';
import { openSqliteScratch } from '../database/seed/testing/scratch-database';
import { Community } from './community.entity';
import { District } from './district.entity';
import { Grid } from './grid.entity';
import { OrgLocator } from './org-locator.service';
import { OrgService } from './org.service';
import { Street } from './street.entity';

/** A two-street district built by hand, so expectations do not depend on the demo data. */
async function buildTree(ds: DataSource) {
  const m = ds.manager;
  const district = await m.save(District, { code: 'D1', name: '测试区' });
  const [east, west] = await m.save(Street, [
    { code: 'S2', name: '东街道', districtId: district.id },
    { code: 'S1', name: '西街道', districtId: district.id },
  ]);
  const [c1, c2] = await m.save(Community, [
    { code: 'C1', name: '东一社区', streetId: east.id },
    { code: 'C2', name: '西一社区', streetId: west.id },
  ]);
  const square = { type: 'Polygon' as const, coordinates: [[[113.26, 23.12], [113.27, 23.12], [113.27, 23.13], [113.26, 23.13], [113.26, 23.12]]] };
  const grid = await m.save(Grid, {
    code: 'C1-01',
    name: '东一社区第1网格',
    communityId: c1.id,
    polygon: JSON.stringify(square),
    minLng: 113.26,
    minLat: 23.12,
    maxLng: 113.27,
    maxLat: 23.13,
  });
  const department = await m.save(Department, { code: 'dept', name: '测试局', districtId: district.id, phone: null });
  await m.save(ProblemCategory, [
    { code: 'b', name: '后面', groupName: '其他', defaultDepartmentId: department.id, responseHours: 2, resolveHours: 24, keywords: ['乙'], sortOrder: 20 },
    { code: 'a', name: '前面', groupName: '其他', defaultDepartmentId: department.id, responseHours: 1, resolveHours: 8, keywords: ['甲', '丙'], sortOrder: 10 },
  ]);
  return { district, east, west, c1, c2, grid, square, department };
}

describe('organisation read side', () => {
  let ds: DataSource;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let org: OrgService;
  let locator: OrgLocator;
  beforeAll(async () => {
    ds = await openSqliteScratch();
    tree = await buildTree(ds);
    org = new OrgService(ds.getRepository(District), ds.getRepository(Street), ds.getRepository(Community), ds.getRepository(Grid));
    locator = new OrgLocator(ds.getRepository(Community), ds.getRepository(Grid), ds.getRepository(Department));
  });
  afterAll(async () => ds.destroy());

  it('lists the district with its streets in code order', async () => {
    const district = await org.district();
    expect(district).toMatchObject({ code: 'D1', name: '测试区' });
    expect(district.streets.map((s) => s.code)).toEqual(['S1', 'S2']);
  });

  it('filters communities by street and names the street of each', async () => {
    expect(await org.communities(tree.west.id)).toEqual([{ id: tree.c2.id, code: 'C2', name: '西一社区', streetId: tree.west.id, streetName: '西街道' }]);
    expect((await org.communities()).map((c) => c.code)).toEqual(['C1', 'C2']);
  });

  it('returns a community with its grids and answers 404 for one that does not exist', async () => {
    const community = await org.community(tree.c1.id);
    expect(community.grids).toEqual([{ id: tree.grid.id, code: 'C1-01', name: '东一社区第1网格', communityId: tree.c1.id }]);
    await expect(org.community(9999)).rejects.toMatchObject({ status: 404 });
    await expect(org.community(9999)).rejects.toBeInstanceOf(ApiException);
  });

  it('returns grids with their polygon parsed back to GeoJSON and their bounding box', async () => {
    const [grid] = await org.gridDetails(tree.c1.id);
    expect(grid.polygon).toEqual(tree.square);
    expect(grid.bbox).toEqual([113.26, 23.12, 113.27, 23.13]);
    expect(await org.gridDetails(tree.c2.id)).toEqual([]);
    await expect(org.gridDetail(9999)).rejects.toMatchObject({ status: 404 });
  });

  it('locates a grid and a community up to their street and district', async () => {
    expect(await locator.locateGrid(tree.grid.id)).toEqual({ districtId: tree.district.id, streetId: tree.east.id, communityId: tree.c1.id, gridId: tree.grid.id });
    expect(await locator.locateCommunity(tree.c2.id)).toEqual({ districtId: tree.district.id, streetId: tree.west.id, communityId: tree.c2.id });
    expect(await locator.locateDepartment(tree.department.id)).toEqual({ districtId: tree.district.id, departmentId: tree.department.id });
  });

  it('locates nothing for ids that do not exist', async () => {
    expect(await locator.locateGrid(9999)).toBeNull();
    expect(await locator.locateCommunity(9999)).toBeNull();
    expect(await locator.locateDepartment(9999)).toBeNull();
  });

  it('lists categories in picker order with their keywords', async () => {
    const departments = new DepartmentsService(ds.getRepository(Department), ds.getRepository(ProblemCategory));
    const categories = await departments.categories();
    expect(categories.map((c) => [c.code, c.group, c.keywords])).toEqual([
      ['a', '其他', ['甲', '丙']],
      ['b', '其他', ['乙']],
    ]);
    expect(await departments.list()).toEqual([{ id: tree.department.id, code: 'dept', name: '测试局', phone: null }]);
  });
});
