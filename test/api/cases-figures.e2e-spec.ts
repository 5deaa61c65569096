import { CaseFigures, shanghaiLocalDay } from '@linli/shared';
import { Case } from '../../server/src/cases/entities/case.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import { createSlaWorld, fileReport, fire, HOUR_MS, seededCategory, SlaWorld } from './cases-sla-world';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('case figures (GET /api/cases/figures)', () => {
  let t: TestApp;
  let vending: Awaited<ReturnType<typeof seededCategory>>;
  let world: SlaWorld;
  let quietGrid: Grid;
  let caseIds: { sameDay: number; manual: number; rejected: number; waiting: number; forwarded: number };

  /**
   * One community with two grids: five reports in the first —
   * resolved and rated 5 the day it came in; dispatched by the community dispatcher, resolved and rated 2
   * (reopened); rejected as invalid; still waiting past its response deadline; accepted and sent on to a
   * department by the grid worker — and none in the second.
   */
  beforeAll(async () => {
    t = await startTestApp({ redisUrl: undefined });
    vending = await seededCategory(t.dataSource);
    world = await createSlaWorld(t.dataSource);
    quietGrid = await t.dataSource.getRepository(Grid).save({ ...world.grid, id: undefined, code: `${world.grid.code}-2`, name: '第9网格' });
    const worker = { id: world.worker.id, grants: world.grants.worker };
    const dispatcher = { id: world.dispatcher.id, grants: world.grants.dispatcher };
    const reporter = await createUser(t.dataSource, { name: '冯阿姨' });
    const reporterActing = { id: reporter.id, grants: [] };
    const file = () => fileReport(t, world, reporter.id, vending.category.id);

    const sameDay = await file();
    await fire(t, sameDay, 'accept', worker);
    await fire(t, sameDay, 'start', worker);
    await fire(t, sameDay, 'resolve', worker, { note: '已处理', photoIds: [] });
    await fire(t, sameDay, 'rate_satisfied', reporterActing, { score: 5 });

    const manual = await file();
    await fire(t, manual, 'dispatch', dispatcher, { departmentId: vending.department.id });
    const staff = { id: vending.staff.id, grants: [{ role: 'department_staff' as const, scopeKind: 'department' as const, scopeId: vending.department.id }] };
    await fire(t, manual, 'start', staff);
    await fire(t, manual, 'resolve', staff, { note: '已处理', photoIds: [] });
    await fire(t, manual, 'rate_unsatisfied', reporterActing, { score: 2 });

    const rejected = await file();
    await fire(t, rejected, 'reject', worker, { rejectKind: 'invalid', reason: '现场核实无此情况' });

    const waiting = await file();
    await t.dataSource.getRepository(Case).update(waiting, { responseDueAt: new Date(Date.now() - HOUR_MS) });
    const forwarded = await file();
    await fire(t, forwarded, 'accept', worker);
    await fire(t, forwarded, 'dispatch', worker, { departmentId: vending.department.id });
    caseIds = { sameDay, manual, rejected, waiting, forwarded };
  }, 30_000);
  afterAll(async () => t?.close());

  const get = async (token: string | null, query: string) => {
    const req = t.request.get(`/api/cases/figures?${query}`);
    return token ? req.set(auth(token)) : req;
  };

  it('gives the committee its grids’ figures, the quiet grid included', async () => {
    const res = await get(await t.tokenFor(world.committee.id), `groupBy=grid&communityId=${world.community.id}`);
    expect(res.status).toBe(200);
    const figures = res.body as CaseFigures;
    const today = shanghaiLocalDay(new Date());
    expect(figures).toMatchObject({ groupBy: 'grid', communityId: world.community.id, to: today });
    const busy = figures.rows.find((r) => r.groupId === world.grid.id)!;
    expect(busy).toMatchObject({
      total: 5,
      byStatus: { closed: 1, reopened: 1, rejected: 1, submitted: 1, dispatched: 1, accepted: 0 },
      rated: 2,
      satisfactionRate: 0.5,
      overdue: 1,
    });
    // Four valid cases (the rejection does not count). Settled the same day: only the first (the reopened one
    // is no longer resolved). Auto-forwarded: all but the one the community dispatcher sent by hand.
    expect(busy.sameDayResolvedRate).toBe(0.25);
    expect(busy.autoForwardRate).toBe(0.75);
    expect(busy.medianAcceptMinutes).not.toBeNull();
    expect(busy.medianAcceptMinutes!).toBeGreaterThanOrEqual(0);
    const quiet = figures.rows.find((r) => r.groupId === quietGrid.id)!;
    expect(quiet).toMatchObject({ total: 0, overdue: 0, satisfactionRate: null, autoForwardRate: null, medianResolveMinutes: null });
    expect(figures.total.total).toBe(5);
  });

  it('groups by the lead department, with the cases no department holds in a row of their own', async () => {
    const res = await get(await t.tokenFor(world.committee.id), `groupBy=department&communityId=${world.community.id}`);
    expect(res.status).toBe(200);
    const figures = res.body as CaseFigures;
    // The reopened case went back to the community and lost its department.
    expect(figures.rows.find((r) => r.groupId === vending.department.id)).toMatchObject({ groupName: vending.department.name, total: 1, byStatus: { dispatched: 1 }, autoForwardRate: 1 });
    expect(figures.rows.find((r) => r.groupId === null)).toMatchObject({ groupName: '未派部门', total: 4 });
  });

  it('gives a district administrator every community of the district without naming one', async () => {
    const admin = await createUser(t.dataSource, { name: '区管理员', grants: [{ role: 'district_admin', scopeId: world.district.id }] });
    const other = await createSlaWorld(t.dataSource, { street: world.street });
    const res = await get(await t.tokenFor(admin.id), 'groupBy=community');
    expect(res.status).toBe(200);
    const figures = res.body as CaseFigures;
    expect(figures.rows.map((r) => r.groupId).sort()).toEqual([world.community.id, other.community.id].sort());
    expect(figures.rows.find((r) => r.groupId === world.community.id)!.total).toBe(5);
    expect(figures.rows.find((r) => r.groupId === other.community.id)!.total).toBe(0);
  });

  it('keeps a committee out of another community and residents out altogether', async () => {
    const other = await createSlaWorld(t.dataSource);
    expect((await get(await t.tokenFor(other.committee.id), `groupBy=grid&communityId=${world.community.id}`)).status).toBe(403);
    const resident = await createUser(t.dataSource);
    expect((await get(await t.tokenFor(resident.id), `groupBy=grid&communityId=${world.community.id}`)).status).toBe(403);
    expect((await get(null, 'groupBy=grid')).status).toBe(401);
  });

  it('counts only cases reported inside the asked Shanghai days', async () => {
    const token = await t.tokenFor(world.committee.id);
    const yesterday = shanghaiLocalDay(new Date(Date.now() - 24 * HOUR_MS));
    const res = await get(token, `groupBy=community&communityId=${world.community.id}&from=${yesterday}&to=${yesterday}`);
    expect(res.status).toBe(200);
    expect((res.body as CaseFigures).total.total).toBe(0);
    await t.dataSource.getRepository(Case).update(caseIds.waiting, { createdAt: new Date(Date.now() - 24 * HOUR_MS) });
    const again = await get(token, `groupBy=community&communityId=${world.community.id}&from=${yesterday}&to=${yesterday}`);
    expect((again.body as CaseFigures).total.total).toBe(1);
  });

  it('refuses a bad grouping or a range that ends before it starts', async () => {
    const token = await t.tokenFor(world.committee.id);
    const bad = await get(token, `groupBy=street&communityId=${world.community.id}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
    const backwards = await get(token, `groupBy=grid&communityId=${world.community.id}&from=2026-11-10&to=2026-11-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('开始日期');
  });
});
