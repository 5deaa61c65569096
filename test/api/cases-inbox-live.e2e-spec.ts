import { liveRoom, type CaseInboxPage } from '@linli/shared';
import { AuditLogEntry } from '../../server/src/cases/entities/audit-log-entry.entity';
import { Case } from '../../server/src/cases/entities/case.entity';
import { insertRows } from '../../server/src/database/fixed-sql';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { createSlaWorld, fileReport, fire, seededCategory } from './cases-sla-world';
import { createUser } from './support/factories';
import { LiveSockets } from './support/live-sockets';
import { startTestApp, type TestApp } from './support/test-app';

describe('case inboxes catch up after a reconnect (/live inbox rooms)', () => {
  let t: TestApp;
  let live: LiveSockets;
  let vending: Awaited<ReturnType<typeof seededCategory>>;

  beforeAll(async () => {
    t = await startTestApp({ caseSweepSeconds: 0 });
    vending = await seededCategory(t.dataSource);
    live = await LiveSockets.on(t.app);
  });
  afterEach(() => live.close());
  afterAll(() => t.close());

  const connect = async (userId: number) => live.connect(await t.tokenFor(userId));

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
    expect(await first.subscribe(userRoom, since)).toEqual({ ok: true, room: userRoom, lastSeq: since });
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
    const ack = await back.subscribe(userRoom, since);
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
    await staff.subscribe(liveRoom('inbox:department', vending.department.id), since);
    expect(staff.events.filter((e) => (e.data as { caseId: number }).caseId === caseId).map((e) => (e.data as { event: string }).event)).toEqual(['dispatch']);
    const dispatcher = await connect(world.dispatcher.id);
    await dispatcher.subscribe(liveRoom('inbox:community', world.community.id), since);
    expect(dispatcher.events.map((e) => (e.data as { caseId: number }).caseId)).toEqual([unplaced]);

    // Resuming from the last one it got, nothing comes twice.
    const again = await connect(world.worker.id);
    expect(await again.subscribe(userRoom, seqs[2])).toEqual({ ok: true, room: userRoom, lastSeq: seqs[2] });
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

    const { subscribe, events } = await connect(world.worker.id);
    const room = liveRoom('inbox:user', world.worker.id);
    expect(await subscribe(room, since)).toEqual({ ok: true, room, lastSeq: null, resync: true });
    expect(events).toEqual([]);
    // A fresh list resumes from its own position, past the busy stretch.
    const fresh = await inboxSeq(world.worker.id);
    expect(await subscribe(room, fresh)).toMatchObject({ ok: true, room });
    expect(caseId).toBeGreaterThan(0);
  });
});
