import { POINTS_RULES } from '@linli/shared';
import { PointsLedgerLine } from '../../server/src/points/points-ledger-line.entity';
import { PointsAccount } from '../../server/src/points/points-account.entity';
import { createSlaWorld, fileReport, fire, seededCategory } from './cases-sla-world';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('points for a valid report (valid_report)', () => {
  let t: TestApp;
  let vending: Awaited<ReturnType<typeof seededCategory>>;

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: undefined });
    vending = await seededCategory(t.dataSource);
  }, 30_000);
  afterAll(async () => t?.close());

  const balanceOf = async (userId: number) => (await t.dataSource.getRepository(PointsAccount).findOneBy({ userId }))?.balance ?? 0;
  const linesOf = (userId: number) => t.dataSource.getRepository(PointsLedgerLine).find({ where: { userId }, order: { id: 'ASC' } });

  async function reported() {
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '冯阿姨' });
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    return { world, reporter, caseId, worker: { id: world.worker.id, grants: world.grants.worker } };
  }

  it('earns the reporter valid_report points when a handler accepts the report, in its community', async () => {
    const { world, reporter, caseId, worker } = await reported();
    expect(await balanceOf(reporter.id)).toBe(0);
    await fire(t, caseId, 'accept', worker);
    const lines = await linesOf(reporter.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ruleCode: 'valid_report', sourceType: 'case', sourceId: String(caseId), communityId: world.community.id, reversalOf: null });
    // A fresh reporter is far from the daily cap: one report earns one unit.
    expect(lines[0].points).toBe(POINTS_RULES.valid_report.pointsPerUnit);
    expect(await balanceOf(reporter.id)).toBe(lines[0].points);
  });

  it('takes the points back when the accepted report is then rejected as invalid', async () => {
    const { reporter, caseId, worker } = await reported();
    await fire(t, caseId, 'accept', worker);
    const earned = await balanceOf(reporter.id);
    expect(earned).toBeGreaterThan(0);
    await fire(t, caseId, 'reject', worker, { rejectKind: 'invalid', reason: '现场核实无此情况' });
    const lines = await linesOf(reporter.id);
    expect(lines.map((l) => l.points)).toEqual([earned, -earned]);
    expect(lines[1].reversalOf).toBe(lines[0].id);
    expect(await balanceOf(reporter.id)).toBe(0);
  });

  it('gives nothing for a report rejected as a duplicate before anyone accepted it', async () => {
    const { world, reporter, caseId, worker } = await reported();
    const originalReporter = await createUser(t.dataSource);
    const original = await fileReport(t, world, originalReporter.id, vending.category.id);
    await fire(t, caseId, 'reject', worker, { rejectKind: 'duplicate', reason: '已有人反映', duplicateOfCaseId: original });
    expect(await linesOf(reporter.id)).toEqual([]);
    expect(await balanceOf(reporter.id)).toBe(0);
  });
});
