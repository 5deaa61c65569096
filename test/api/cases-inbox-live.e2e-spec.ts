import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, liveRoom, type CaseInboxPage, type LiveEvent, type LiveSubscribeAck } from '@linli/shared';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { AuditLogEntry } from '../../server/src/cases/entities/audit-log-entry.entity';
import { Case } from '../../server/src/cases/entities/case.entity';
import { insertRows } from '../../server/src/database/fixed-sql';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { createSlaWorld, fileReport, fire, seededCategory } from './cases-sla-world';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const WAIT_MS = 5_000;

describe('case inboxes catch up after a reconnect (/live inbox rooms)', () => {
  let t: TestApp;
  let baseUrl: string;
  let vending: Awaited<ReturnType<typeof seededCategory>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ caseSweepSeconds: 0 });
    vending = await seededCategory(t.dataSource);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => t.close());

  async function connect(userId: number): Promise<{ socket: Socket; events: LiveEvent[] }> {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { path: LIVE_PATH, auth: { token: await t.tokenFor(userId) }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const events: LiveEvent[] = [];
    socket.on(LIVE_EVENTS.live, (event: LiveEvent) => events.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, events };
  }

  const subscribe = (socket: Socket, room: string, afterSeq?: number): Promise<LiveSubscribeAck> =>
    socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq });

  /** Where a person's inbox list says its rooms resume from. */
  async function inboxSeq(userId: number): Promise<number> {
    const res = await t.request.get('/api/inbox').set('Authorization', `Bearer ${await t.tokenFor(userId)}`).expect(200);
    const page = res.body as CaseInboxPage;
    expect(Number.isInteger(page.liveSeq)).toBe(true);
    return page.liveSeq;
  }

  it('replays to each inbox exactly the changes it would have heard live, in order', async () => {
    const world = await createSlaWorld(t.dataSource);
    const elsewhere = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '街坊' });
    const since = await inboxSeq(world.worker.id);

    // The worker watches their inbox, then drops off; live, they hear of the report routed to them.
    const first = await connect(world.worker.id);
    const userRoom = liveRoom('inbox:user', world.worker.id);
    expect(await subscribe(first.socket, userRoom, since)).toEqual({ ok: true, room: userRoom, lastSeq: since });
    first.socket.disconnect();

    // While they are away: a report routed to them, accepted and passed to the department; a report in
    // another grid; and a report the community's dispatcher must place (nobody on duty in the grid).
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    await fire(t, caseId, 'accept', { id: world.worker.id, grants: world.grants.worker });
    await fire(t, caseId, 'dispatch', { id: world.worker.id, grants: world.grants.worker }, { note: '请城管到场' });
    await fileReport(t, elsewhere, reporter.id, vending.category.id);
    await t.dataSource.getRepository(DutyShift).delete({ gridId: world.grid.id });
    const unplaced = await fileReport(t, world, reporter.id, vending.category.id);
    const code = (await t.dataSource.getRepository(Case).findOneByOrFail({ id: caseId })).code;

    const back = await connect(world.worker.id);
    const ack = await subscribe(back.socket, userRoom, since);
    expect(back.events.map((e) => [e.data && (e.data as { caseId: number }).caseId, (e.data as { event: string }).event])).toEqual([
      [caseId, 'submit'],
      [caseId, 'accept'],
      [caseId, 'dispatch'],
    ]);
    expect(back.events[2]).toMatchObject({ room: userRoom, type: 'case.inbox', data: { caseId, code, status: 'dispatched' } });
    const seqs = back.events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(ack).toEqual({ ok: true, room: userRoom, lastSeq: seqs[2] });

    // The department's inbox heard of the dispatch (not of the report before it); the community's, of the
    // report nobody was on duty for.
    const staff = await connect(vending.staff.id);
    await subscribe(staff.socket, liveRoom('inbox:department', vending.department.id), since);
    expect(staff.events.filter((e) => (e.data as { caseId: number }).caseId === caseId).map((e) => (e.data as { event: string }).event)).toEqual(['dispatch']);
    const dispatcher = await connect(world.dispatcher.id);
    await subscribe(dispatcher.socket, liveRoom('inbox:community', world.community.id), since);
    expect(dispatcher.events.map((e) => (e.data as { caseId: number }).caseId)).toEqual([unplaced]);

    // Resuming from the last one it got, nothing comes twice.
    const again = await connect(world.worker.id);
    expect(await subscribe(again.socket, userRoom, seqs[2])).toEqual({ ok: true, room: userRoom, lastSeq: seqs[2] });
    expect(again.events).toEqual([]);
  });

  it('asks an inbox that was away through too many changes to reload its list', async () => {
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '街坊' });
    const since = await inboxSeq(world.worker.id);
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    // Busy elsewhere: more changes to other cases than one catch-up sifts through.
    const others = Array.from({ length: 5_001 }, () => ({ entity: 'case', entityId: '0', action: 'accept', actorUserId: null, before: null, after: { handlerUserId: -1 }, requestId: null }));
    for (let i = 0; i < others.length; i += 500) await insertRows(t.dataSource.manager, AuditLogEntry, others.slice(i, i + 500));

    const { socket, events } = await connect(world.worker.id);
    const room = liveRoom('inbox:user', world.worker.id);
    expect(await subscribe(socket, room, since)).toEqual({ ok: true, room, lastSeq: null, resync: true });
    expect(events).toEqual([]);
    // A fresh list resumes from its own position, past the busy stretch.
    const fresh = await inboxSeq(world.worker.id);
    expect(await subscribe(socket, room, fresh)).toMatchObject({ ok: true, room });
    expect(caseId).toBeGreaterThan(0);
  });
});
