import { liveRoom, type CaseDetail, type CaseHandlerCandidate, type CaseInboxItem, type CasePage, type LiveEvent } from '@linli/shared';
import { AuditLogEntry } from '../../server/src/cases/entities/audit-log-entry.entity';
import { Case } from '../../server/src/cases/entities/case.entity';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import type { User } from '../../server/src/users/user.entity';
import { createSlaWorld, fileReport, seededCategory, type SlaWorld } from './cases-sla-world';
import { createUser, squareAround, unique } from './support/factories';
import { LiveSockets, waitFor } from './support/live-sockets';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('转派: a dispatcher or supervisor hands a case to another worker', () => {
  let t: TestApp;
  let vending: Awaited<ReturnType<typeof seededCategory>>;

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: undefined });
    vending = await seededCategory(t.dataSource);
  }, 30_000);
  afterAll(async () => t?.close());

  /** Every day, all day: the shape of the roster the case worlds use. */
  async function onDutyAlways(user: User, gridId: number, communityId: number): Promise<void> {
    for (let weekday = 0; weekday < 7; weekday++) {
      await t.dataSource.getRepository(DutyShift).insert({ gridId, communityId, userId: user.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    }
  }

  /**
   * A community with two grids: the case world's first grid (its worker on duty, a dispatcher, the committee) and a
   * second grid beside it whose worker is on duty unless told otherwise. A report sits in the first grid.
   */
  async function reported(opts: { secondOnDuty?: boolean } = {}) {
    const world = await createSlaWorld(t.dataSource);
    const secondGrid = await t.dataSource.getRepository(Grid).save({
      code: unique('G'),
      name: '第2网格',
      communityId: world.community.id,
      ...squareAround(world.centre.lng + 0.003, world.centre.lat),
    });
    const second = await createUser(t.dataSource, { name: '网格员小郭', grants: [{ role: 'grid_worker', scopeId: secondGrid.id }] });
    if (opts.secondOnDuty !== false) await onDutyAlways(second, secondGrid.id, world.community.id);
    const reporter = await createUser(t.dataSource, { name: '冯阿姨' });
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    const tokens = {
      worker: await t.tokenFor(world.worker.id),
      second: await t.tokenFor(second.id),
      dispatcher: await t.tokenFor(world.dispatcher.id),
      committee: await t.tokenFor(world.committee.id),
      reporter: await t.tokenFor(reporter.id),
    };
    return { world, secondGrid, second, reporter, caseId, tokens };
  }

  const reassign = (token: string, caseId: number, body: object) => t.request.post(`/api/cases/${caseId}/actions/reassign`).set(auth(token)).send(body);
  const candidates = (token: string, caseId: number) => t.request.get(`/api/cases/${caseId}/handler-candidates`).set(auth(token));
  const stored = (caseId: number) => t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });

  /** Another community's world: of another district, or of another street in the given district. */
  async function workerElsewhere(district?: SlaWorld['district']): Promise<SlaWorld> {
    return createSlaWorld(t.dataSource, district ? { district } : {});
  }

  it('lets the dispatcher hand a submitted case from one grid’s worker to a worker of another grid of the community, who then has it and accepts it', async () => {
    const { world, second, caseId, tokens } = await reported();
    const before = await stored(caseId);
    expect(before).toMatchObject({ status: 'submitted', queue: 'grid', handlerUserId: world.worker.id });

    const res = await reassign(tokens.dispatcher, caseId, { handlerUserId: second.id, note: '该点位由第2网格负责', expectedVersion: before.version });
    expect(res.status).toBe(200);
    const detail = res.body as CaseDetail;
    expect(detail).toMatchObject({ status: 'submitted', queue: 'grid', handler: { userId: second.id, name: '网格员小郭' }, version: before.version + 1 });
    const entry = detail.timeline[detail.timeline.length - 1];
    expect(entry).toMatchObject({
      seq: 2,
      event: 'reassign',
      eventLabel: '转派',
      fromStatus: 'submitted',
      toStatus: 'submitted',
      actorRole: 'dispatcher',
      actorRoleLabel: '派单员',
      note: '该点位由第2网格负责',
      data: { handlerUserId: second.id, handlerName: '网格员小郭' },
    });

    const audit = await t.dataSource.getRepository(AuditLogEntry).find({ where: { entity: 'case', entityId: String(caseId) }, order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['submit', 'reassign']);
    expect(audit[1]).toMatchObject({
      actorUserId: world.dispatcher.id,
      before: { status: 'submitted', handlerUserId: world.worker.id, queue: 'grid' },
      after: { status: 'submitted', handlerUserId: second.id, queue: 'grid' },
    });
    expect(typeof audit[1].requestId).toBe('string');

    const inbox = await t.request.get('/api/inbox?scope=assigned').set(auth(tokens.second));
    expect(inbox.status).toBe(200);
    const item = (inbox.body as CasePage<CaseInboxItem>).items.find((i) => i.id === caseId);
    expect(item).toMatchObject({ scope: 'assigned', myActor: 'grid_worker' });
    expect(item!.availableActions).toContain('accept');
    const oldInbox = await t.request.get('/api/inbox?scope=assigned').set(auth(tokens.worker));
    expect((oldInbox.body as CasePage<CaseInboxItem>).items.map((i) => i.id)).not.toContain(caseId);

    const accepted = await t.request.post(`/api/cases/${caseId}/actions/accept`).set(auth(tokens.second)).send({ expectedVersion: detail.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', handler: { userId: second.id } });
  });

  it('lists the community’s grid workers and dispatchers for the dispatcher: on duty first, then fewest open cases, with grids and the current handler marked', async () => {
    const { world, secondGrid, second, caseId, tokens } = await reported({ secondOnDuty: false });
    const elsewhere = await workerElsewhere();
    // A street office's dispatcher takes cases outside every grid, not those of a community.
    const streetOffice = await createUser(t.dataSource, { name: '街道派单员', grants: [{ role: 'grid_worker', scopeKind: 'street', scopeId: world.street.id }] });

    const res = await candidates(tokens.dispatcher, caseId);
    expect(res.status).toBe(200);
    const list = res.body as CaseHandlerCandidate[];
    expect(list).toEqual([
      {
        userId: world.dispatcher.id,
        name: '派单员老谭',
        role: 'dispatcher',
        gridId: null,
        gridName: null,
        communityId: world.community.id,
        communityName: world.community.name,
        streetName: null,
        onDuty: true,
        openCases: 0,
        isCurrentHandler: false,
      },
      {
        userId: world.worker.id,
        name: '网格员小叶',
        role: 'grid_worker',
        gridId: world.grid.id,
        gridName: world.grid.name,
        communityId: world.community.id,
        communityName: world.community.name,
        streetName: null,
        onDuty: true,
        openCases: 1,
        isCurrentHandler: true,
      },
      {
        userId: second.id,
        name: '网格员小郭',
        role: 'grid_worker',
        gridId: secondGrid.id,
        gridName: '第2网格',
        communityId: world.community.id,
        communityName: world.community.name,
        streetName: null,
        onDuty: false,
        openCases: 0,
        isCurrentHandler: false,
      },
    ]);
    expect(list.map((c) => c.userId)).not.toContain(world.committee.id);
    expect(list.map((c) => c.userId)).not.toContain(elsewhere.worker.id);
    expect(list.map((c) => c.userId)).not.toContain(streetOffice.id);

    // The committee supervises the case and sees the same list.
    const committee = await candidates(tokens.committee, caseId);
    expect(committee.status).toBe(200);
    expect((committee.body as CaseHandlerCandidate[]).map((c) => c.userId)).toEqual(list.map((c) => c.userId));
  });

  it('lets the committee hand the case to the community’s dispatcher, back in the community dispatch queue', async () => {
    const { world, caseId, tokens } = await reported();
    const res = await reassign(tokens.committee, caseId, { handlerUserId: world.dispatcher.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ queue: 'community_dispatch', handler: { userId: world.dispatcher.id } });
    const entry = (res.body as CaseDetail).timeline.at(-1)!;
    expect(entry).toMatchObject({ event: 'reassign', actorRole: 'supervisor', note: null, data: { handlerUserId: world.dispatcher.id, handlerName: '派单员老谭' } });
    const inbox = await t.request.get('/api/inbox?scope=dispatch').set(auth(tokens.dispatcher));
    expect((inbox.body as CasePage<CaseInboxItem>).items.map((i) => i.id)).toContain(caseId);
  });

  it('hands a case outside every grid to a worker or the office of its street, found by the district’s administrator', async () => {
    const { world, caseId } = await reported();
    await t.dataSource.getRepository(Case).update(caseId, { communityId: null, gridId: null, queue: 'street_dispatch', handlerUserId: null });
    const admin = await createUser(t.dataSource, { name: '区管理员', grants: [{ role: 'district_admin', scopeId: world.district.id }] });
    const adminToken = await t.tokenFor(admin.id);
    const otherStreet = await workerElsewhere(world.district);
    const streetOffice = await createUser(t.dataSource, { name: '街道派单员', grants: [{ role: 'grid_worker', scopeKind: 'street', scopeId: world.street.id }] });
    const otherOffice = await createUser(t.dataSource, { name: '邻街派单员', grants: [{ role: 'grid_worker', scopeKind: 'street', scopeId: otherStreet.street.id }] });

    const list = await candidates(adminToken, caseId);
    expect(list.status).toBe(200);
    const found = list.body as CaseHandlerCandidate[];
    const ids = found.map((c) => c.userId);
    expect(ids).toEqual(expect.arrayContaining([world.worker.id, world.dispatcher.id, streetOffice.id]));
    expect(found.find((c) => c.userId === streetOffice.id)).toMatchObject({ role: 'dispatcher', gridName: null, communityName: null, streetName: world.street.name });
    for (const outsider of [otherStreet.worker.id, otherStreet.dispatcher.id, otherOffice.id, admin.id]) expect(ids).not.toContain(outsider);

    const res = await reassign(adminToken, caseId, { handlerUserId: world.worker.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ queue: 'grid', handler: { userId: world.worker.id } });
    expect(((res.body as CaseDetail).timeline.at(-1)!).actorRole).toBe('dispatcher');
    const accepted = await t.request.post(`/api/cases/${caseId}/actions/accept`).set(auth(await t.tokenFor(world.worker.id))).send({});
    expect(accepted.status).toBe(200);

    for (const outsider of [otherStreet.worker.id, otherOffice.id]) expect((await reassign(adminToken, caseId, { handlerUserId: outsider })).status).toBe(422);
    const toOffice = await reassign(adminToken, caseId, { handlerUserId: streetOffice.id });
    expect(toOffice.status).toBe(200);
    expect(toOffice.body).toMatchObject({ queue: 'street_dispatch', handler: { userId: streetOffice.id } });
  });

  it('refuses a worker of another community with 422, and leaves the case as it was', async () => {
    const { world, caseId, tokens } = await reported();
    const elsewhere = await workerElsewhere();
    const before = await stored(caseId);
    for (const stranger of [elsewhere.worker.id, elsewhere.dispatcher.id, world.committee.id, 99_999_999]) {
      const res = await reassign(tokens.dispatcher, caseId, { handlerUserId: stranger });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'unprocessable', message: expect.stringContaining('网格员或派单员'), details: { handlerUserId: stranger } });
    }
    expect(await stored(caseId)).toMatchObject({ handlerUserId: world.worker.id, queue: 'grid', version: before.version, timelineSeq: before.timelineSeq });
  });

  it('refuses the current handler and a stale version with 409', async () => {
    const { world, second, caseId, tokens } = await reported();
    const again = await reassign(tokens.dispatcher, caseId, { handlerUserId: world.worker.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'conflict', message: expect.stringContaining('已由此人办理') });

    const seen = (await stored(caseId)).version;
    expect((await reassign(tokens.dispatcher, caseId, { handlerUserId: second.id, expectedVersion: seen })).status).toBe(200);
    const stale = await reassign(tokens.committee, caseId, { handlerUserId: world.worker.id, expectedVersion: seen });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
    expect(await stored(caseId)).toMatchObject({ handlerUserId: second.id, version: seen + 1 });
  });

  it('refuses the grid worker and the reporter with 403, on the action and on the candidates list', async () => {
    const { second, caseId, tokens } = await reported();
    for (const token of [tokens.worker, tokens.reporter]) {
      const res = await reassign(token, caseId, { handlerUserId: second.id });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
      expect((await candidates(token, caseId)).status).toBe(403);
    }
    // Another grid's worker of the same community has no part in the case at all: to them it is not there.
    expect((await candidates(tokens.second, caseId)).status).toBe(404);
    expect((await stored(caseId)).version).toBe(1);
  });

  it('refuses a body without a valid handler id with 400', async () => {
    const { second, caseId, tokens } = await reported();
    for (const body of [{}, { handlerUserId: String(second.id) }, { handlerUserId: 0 }, { handlerUserId: 1.5 }, { handlerUserId: second.id, note: 'x'.repeat(501) }, { handlerUserId: second.id, queue: 'grid' }]) {
      const res = await reassign(tokens.dispatcher, caseId, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
    }
    expect((await t.request.post('/api/cases/abc/actions/reassign').set(auth(tokens.dispatcher)).send({ handlerUserId: second.id })).status).toBe(400);
    expect((await stored(caseId)).version).toBe(1);
  });

  it('refuses to reassign a case a department is handling, with 409', async () => {
    const { second, caseId, tokens } = await reported();
    expect((await t.request.post(`/api/cases/${caseId}/actions/dispatch`).set(auth(tokens.dispatcher)).send({})).status).toBe(200);
    const res = await reassign(tokens.dispatcher, caseId, { handlerUserId: second.id });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('转派');
    expect((await candidates(tokens.dispatcher, caseId)).status).toBe(409);
  });

  describe('inbox rooms', () => {
    let live: LiveSockets;
    beforeAll(async () => {
      live = await LiveSockets.on(t.app);
    });
    afterEach(() => live.close());

    /** Subscribes to the person's inbox room; `heard` settles on the first event there. */
    async function listen(userId: number): Promise<{ heard: Promise<LiveEvent> }> {
      const client = await live.connect(await t.tokenFor(userId));
      const room = liveRoom('inbox:user', userId);
      expect(await client.subscribe(room)).toMatchObject({ ok: true, room });
      return { heard: waitFor(() => client.events.some((e) => e.room === room)).then(() => client.events.find((e) => e.room === room)!) };
    }

    it('tells the old and the new handler’s inbox rooms', async () => {
      const { world, second, caseId, tokens } = await reported();
      const rooms = [await listen(world.worker.id), await listen(second.id)];
      expect((await reassign(tokens.dispatcher, caseId, { handlerUserId: second.id })).status).toBe(200);
      for (const { heard } of rooms) {
        expect(await heard).toMatchObject({ type: 'case.inbox', data: { caseId, status: 'submitted', event: 'reassign' } });
      }
    });
  });
});
