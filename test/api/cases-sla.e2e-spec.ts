import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, liveRoom, type LiveEvent, type LiveSubscribeAck } from '@linli/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { AuditLogEntry } from '../../server/src/cases/entities/audit-log-entry.entity';
import { Case } from '../../server/src/cases/entities/case.entity';
import { CaseTimelineEntry } from '../../server/src/cases/entities/case-timeline-entry.entity';
import { CASE_SLA_REMINDER_EVENT, CaseSlaSweep } from '../../server/src/cases/sla-sweep.service';
import { createSlaWorld, fileReport, fire, HOUR_MS, seededCategory, SlaWorld, SweepingProcess } from './cases-sla-world';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 24 * HOUR_MS;

describe('case deadline sweep (reminders, 吹哨, auto-close)', () => {
  let t: TestApp;
  let vending: Awaited<ReturnType<typeof seededCategory>>;
  let sweep: CaseSlaSweep;

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: undefined });
    vending = await seededCategory(t.dataSource);
    sweep = t.app.get(CaseSlaSweep);
  }, 30_000);
  afterAll(async () => t?.close());

  async function reported(): Promise<{ world: SlaWorld; caseId: number; row: Case }> {
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '冯阿姨' });
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    return { world, caseId, row: await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId }) };
  }

  const timeline = (caseId: number) => t.dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { seq: 'ASC' } });
  const after = (due: Date | null, ms = 60_000) => new Date(new Date(due!).getTime() + ms);

  it('reminds the handler of a report still unaccepted past its response deadline, once, without touching its status or version', async () => {
    const { caseId, row } = await reported();
    expect((await sweep.sweepOnce(after(row.responseDueAt, -60_000))).remindedResponse).not.toContain(caseId);

    const first = await sweep.sweepOnce(after(row.responseDueAt));
    expect(first.remindedResponse).toContain(caseId);
    expect(first.escalated).not.toContain(caseId);
    const again = await sweep.sweepOnce(after(row.responseDueAt, 5 * 60_000));
    expect(again.remindedResponse).not.toContain(caseId);

    const entries = await timeline(caseId);
    expect(entries.map((e) => [e.seq, e.event, e.actorRole, e.toStatus])).toEqual([
      [1, 'submit', 'reporter', 'submitted'],
      [2, 'remind', 'system', 'submitted'],
    ]);
    expect(entries[1].note).toContain('受理时限');
    const now = await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    expect(now).toMatchObject({ status: 'submitted', version: row.version, timelineSeq: 2 });

    // The resident's case page shows that the deadline was chased, by the system, without naming anyone.
    const page = await t.request.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${await t.tokenFor(row.reporterId)}`);
    expect(page.status).toBe(200);
    expect(page.body.lastSeq).toBe(2);
    expect(page.body.timeline[1]).toMatchObject({ seq: 2, event: 'remind', eventLabel: '超时提醒', actorRole: 'system', actorRoleLabel: '系统', note: entries[1].note });
  });

  it('blows the whistle once on a report nobody accepted before its resolve deadline, leaving it submitted', async () => {
    const { caseId, row } = await reported();
    const at = after(row.resolveDueAt);

    const first = await sweep.sweepOnce(at);
    expect(first.escalated).toContain(caseId);
    expect(first.remindedResponse).toContain(caseId);
    expect(first.remindedResolve).toContain(caseId);
    expect((await sweep.sweepOnce(new Date(at.getTime() + HOUR_MS))).escalated).not.toContain(caseId);

    const entries = await timeline(caseId);
    const escalations = entries.filter((e) => e.event === 'escalate');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actorRole: 'system', actorUserId: null, fromStatus: 'submitted', toStatus: 'submitted' });
    expect(escalations[0].note).toContain('吹哨');
    expect(await t.dataSource.getRepository(AuditLogEntry).countBy({ entityId: String(caseId), action: 'escalate' })).toBe(1);
    const now = await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    expect(now.status).toBe('submitted');
    expect(now.handlerUserId).toBe(row.handlerUserId);
  });

  it('blows the whistle to the street once for a case past its resolve deadline, through the state machine, and reminds the handler', async () => {
    const { world, caseId, row } = await reported();
    await fire(t, caseId, 'accept', { id: world.worker.id, grants: world.grants.worker });
    const at = after(row.resolveDueAt);

    const first = await sweep.sweepOnce(at);
    expect(first.escalated).toContain(caseId);
    expect(first.remindedResolve).toContain(caseId);
    const second = await sweep.sweepOnce(new Date(at.getTime() + HOUR_MS));
    expect(second.escalated).not.toContain(caseId);
    expect(second.remindedResolve).not.toContain(caseId);

    const entries = await timeline(caseId);
    const escalations = entries.filter((e) => e.event === 'escalate');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actorRole: 'system', actorUserId: null, fromStatus: 'accepted', toStatus: 'accepted' });
    expect(escalations[0].note).toContain('吹哨');
    expect(entries.filter((e) => e.event === CASE_SLA_REMINDER_EVENT)).toHaveLength(1);
    expect(await t.dataSource.getRepository(AuditLogEntry).countBy({ entityId: String(caseId), action: 'escalate' })).toBe(1);
    expect((await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId })).status).toBe('accepted');
  });

  it('leaves a case resolved in time alone, however late the sweep runs', async () => {
    const { world, caseId, row } = await reported();
    const worker = { id: world.worker.id, grants: world.grants.worker };
    await fire(t, caseId, 'accept', worker);
    await fire(t, caseId, 'start', worker);
    await fire(t, caseId, 'resolve', worker, { note: '已劝离摊贩', photoIds: [] });
    const report = await sweep.sweepOnce(after(row.resolveDueAt, HOUR_MS));
    expect([...report.remindedResolve, ...report.escalated, ...report.remindedResponse]).not.toContain(caseId);
    expect((await timeline(caseId)).map((e) => e.event)).toEqual(['submit', 'accept', 'start', 'resolve']);
  });

  it('closes a resolved case the reporter has not rated after the configured seven days, exactly once', async () => {
    const { world, caseId } = await reported();
    const worker = { id: world.worker.id, grants: world.grants.worker };
    await fire(t, caseId, 'accept', worker);
    await fire(t, caseId, 'start', worker);
    const resolved = await fire(t, caseId, 'resolve', worker, { note: '已劝离摊贩', photoIds: [] });
    const resolvedAt = new Date(resolved.row.resolvedAt!).getTime();

    expect((await sweep.sweepOnce(new Date(resolvedAt + 6 * DAY_MS))).autoClosed).not.toContain(caseId);
    expect((await sweep.sweepOnce(new Date(resolvedAt + 7 * DAY_MS + 60_000))).autoClosed).toContain(caseId);
    expect((await sweep.sweepOnce(new Date(resolvedAt + 8 * DAY_MS))).autoClosed).not.toContain(caseId);

    const closed = await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    expect(closed).toMatchObject({ status: 'closed', rating: null });
    const closings = (await timeline(caseId)).filter((e) => e.event === 'auto_close');
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({ actorRole: 'system', fromStatus: 'resolved', toStatus: 'closed' });
  });

  it('does not auto-close a case the reporter rated', async () => {
    const { world, caseId } = await reported();
    const worker = { id: world.worker.id, grants: world.grants.worker };
    await fire(t, caseId, 'accept', worker);
    await fire(t, caseId, 'start', worker);
    await fire(t, caseId, 'resolve', worker, { note: '已处理', photoIds: [] });
    const row = await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    await fire(t, caseId, 'rate_satisfied', { id: row.reporterId, grants: [] }, { score: 5 });
    expect((await sweep.sweepOnce(new Date(Date.now() + 30 * DAY_MS))).autoClosed).not.toContain(caseId);
    expect((await timeline(caseId)).filter((e) => e.event === 'auto_close')).toHaveLength(0);
  });

  it('nudges the handler’s inbox room when it reminds them', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const { world, caseId, row } = await reported();
    const socket: Socket = io(`http://127.0.0.1:${port}${LIVE_NAMESPACE}`, { path: LIVE_PATH, auth: { token: await t.tokenFor(world.worker.id) }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const room = liveRoom('inbox:user', world.worker.id);
      const ack: LiveSubscribeAck = await socket.timeout(5000).emitWithAck(LIVE_EVENTS.subscribe, { room });
      expect(ack).toMatchObject({ ok: true, room });
      const nudged = new Promise<LiveEvent>((resolve) => socket.on(LIVE_EVENTS.live, (event: LiveEvent) => resolve(event)));
      await sweep.sweepOnce(after(row.responseDueAt));
      expect(await nudged).toMatchObject({ room, type: 'case.inbox', data: { caseId, status: 'submitted', event: 'remind' } });
    } finally {
      socket.disconnect();
    }
  });
});

describe('the deadline sweep on its timer', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('runs by itself every CASE_SWEEP_SECONDS when configured', async () => {
    t = await startTestApp({ redisUrl: undefined, caseSweepSeconds: 1 });
    const vending = await seededCategory(t.dataSource);
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource);
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    await t.dataSource.getRepository(Case).update(caseId, { responseDueAt: new Date(Date.now() - HOUR_MS) });
    let reminded = 0;
    for (let i = 0; i < 40 && reminded === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      reminded = await t.dataSource.getRepository(CaseTimelineEntry).countBy({ caseId, event: CASE_SLA_REMINDER_EVENT });
    }
    expect(reminded).toBe(1);
  }, 30_000);
});

describe('sweeping from two server processes at once', () => {
  let dir: string;
  let t: TestApp;
  let second: SweepingProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-sweep-'));
    const mysql = process.env.DATABASE_URL && /^(mysql|mariadb):/.test(process.env.DATABASE_URL);
    t = await startTestApp(mysql ? { redisUrl: undefined } : { redisUrl: undefined, databaseUrl: `sqlite:${join(dir, 'shared.sqlite')}` });
    const url = mysql ? String((t.dataSource.options as { url?: string }).url) : `sqlite:${join(dir, 'shared.sqlite')}`;
    second = await SweepingProcess.start(url);
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('reminds, escalates and auto-closes each case exactly once, however many sweeps race', async () => {
    const vending = await seededCategory(t.dataSource);
    const world = await createSlaWorld(t.dataSource);
    const worker = { id: world.worker.id, grants: world.grants.worker };
    const caseIds: number[] = [];
    for (let i = 0; i < 4; i++) {
      const reporter = await createUser(t.dataSource);
      const caseId = await fileReport(t, world, reporter.id, vending.category.id);
      await fire(t, caseId, 'accept', worker);
      caseIds.push(caseId);
    }
    const resolvedIds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reporter = await createUser(t.dataSource);
      const caseId = await fileReport(t, world, reporter.id, vending.category.id);
      await fire(t, caseId, 'accept', worker);
      await fire(t, caseId, 'start', worker);
      await fire(t, caseId, 'resolve', worker, { note: '已处理', photoIds: [] });
      resolvedIds.push(caseId);
    }
    const rows = await t.dataSource.getRepository(Case).findBy([...caseIds, ...resolvedIds].map((id) => ({ id })));
    // Past every resolve deadline and every rating window at once.
    const at = new Date(Math.max(...rows.map((r) => new Date(r.resolveDueAt!).getTime()), Date.now() + 7 * DAY_MS) + 60_000);
    const here = t.app.get(CaseSlaSweep);

    const reports = [];
    for (let round = 0; round < 3; round++) {
      const when = new Date(at.getTime() + round * 1000);
      reports.push(...(await Promise.all([here.sweepOnce(when), second.sweep(when), here.sweepOnce(when)])));
    }

    for (const caseId of caseIds) {
      const entries = await t.dataSource.getRepository(CaseTimelineEntry).findBy({ caseId });
      expect(entries.filter((e) => e.event === 'escalate')).toHaveLength(1);
      expect(entries.filter((e) => e.event === CASE_SLA_REMINDER_EVENT)).toHaveLength(1);
      // The sweeps agree: exactly one of them reports each action.
      expect(reports.filter((r) => r.escalated.includes(caseId))).toHaveLength(1);
      expect(reports.filter((r) => r.remindedResolve.includes(caseId))).toHaveLength(1);
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(entries.map((_, i) => i + 1));
    }
    for (const caseId of resolvedIds) {
      const entries = await t.dataSource.getRepository(CaseTimelineEntry).findBy({ caseId });
      expect(entries.filter((e) => e.event === 'auto_close')).toHaveLength(1);
      expect(entries.filter((e) => e.event === 'escalate' || e.event === CASE_SLA_REMINDER_EVENT)).toHaveLength(0);
      expect(reports.filter((r) => r.autoClosed.includes(caseId))).toHaveLength(1);
      expect((await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId })).status).toBe('closed');
    }
  }, 60_000);
});
