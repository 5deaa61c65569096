import { liveRoom, type CaseDetail, type CaseInboxPage } from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { CaseIntake } from '../../server/src/cases/case-intake.service';
import { Case } from '../../server/src/cases/entities/case.entity';
import { createSlaWorld, fileReport, seededCategory, type SlaWorld } from './cases-sla-world';
import { createUser } from './support/factories';
import { LiveSockets, waitFor } from './support/live-sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The street office (街道): a grid worker granted the whole street dispatches the street's own queue (reports
 * outside every grid near it) and hears every whistle (吹哨) blown in its communities.
 */
describe('the street office’s dispatcher', () => {
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

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inbox = async (token: string) => ((await t.request.get('/api/inbox?scope=dispatch').set(as(token)).expect(200)).body as CaseInboxPage).items.map((i) => i.id);

  async function streetDispatcher(streetId: number) {
    const user = await createUser(t.dataSource, { name: '街道派单员', grants: [{ role: 'grid_worker', scopeKind: 'street', scopeId: streetId }] });
    return { user, token: await t.tokenFor(user.id) };
  }

  /** A report 600 m east of the world's grid: outside every grid, near the world's street. */
  async function reportOutside(world: SlaWorld, reporterId: number): Promise<Case> {
    const outcome = await t.app.get(CaseIntake).submit(reporterId, {
      clientKey: randomUUID(),
      photoIds: [],
      lng: world.centre.lng + 0.006,
      lat: world.centre.lat + 0.0049,
      address: '测试路 9 号',
      description: '路边有人摆摊',
      categoryId: vending.category.id,
    });
    return t.dataSource.getRepository(Case).findOneByOrFail({ id: outcome.caseId });
  }

  async function listen(token: string, room: string) {
    const client = await live.connect(token);
    return { ack: await client.subscribe(room), events: client.events };
  }

  it('takes the street’s own queue: sees, accepts and passes on a report outside every grid', async () => {
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '街坊' });
    const row = await reportOutside(world, reporter.id);
    expect(row).toMatchObject({ queue: 'street_dispatch', communityId: null, gridId: null });
    const street = await streetDispatcher(row.streetId!);
    const otherStreet = await streetDispatcher((await createSlaWorld(t.dataSource)).street.id);

    expect(await inbox(street.token)).toContain(row.id);
    expect(await inbox(otherStreet.token)).not.toContain(row.id);
    expect((await t.request.get(`/api/cases/${row.id}`).set(as(otherStreet.token))).status).toBe(404);
    const seen = (await t.request.get(`/api/cases/${row.id}`).set(as(street.token)).expect(200)).body as CaseDetail;
    expect(seen.availableActions).toEqual(expect.arrayContaining(['accept', 'reject', 'dispatch']));

    const dispatched = await t.request.post(`/api/cases/${row.id}/actions/dispatch`).set(as(street.token)).send({ note: '请城管核查' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', departments: [{ id: vending.department.id }] });
    expect(dispatched.body.timeline.at(-1)).toMatchObject({ event: 'dispatch', actorRole: 'dispatcher' });
  });

  it('hears every whistle blown in its communities, live and in its inbox, until the case is resolved', async () => {
    const world = await createSlaWorld(t.dataSource);
    const reporter = await createUser(t.dataSource, { name: '街坊' });
    const caseId = await fileReport(t, world, reporter.id, vending.category.id);
    const worker = await t.tokenFor(world.worker.id);
    await t.request.post(`/api/cases/${caseId}/actions/accept`).set(as(worker)).send({}).expect(200);
    const street = await streetDispatcher(world.street.id);
    expect(await inbox(street.token)).not.toContain(caseId);

    const room = liveRoom('inbox:street', world.street.id);
    const watching = await listen(street.token, room);
    expect(watching.ack).toMatchObject({ ok: true, room });
    // Someone with no street grant is kept out of the street's room.
    expect((await listen(await t.tokenFor(world.dispatcher.id), room)).ack).toEqual({ ok: false, room, error: 'forbidden' });

    await t.request.post(`/api/cases/${caseId}/actions/escalate`).set(as(worker)).send({ note: '需要城管和市政一起处理' }).expect(200);
    await waitFor(() => watching.events.length > 0);
    expect(watching.events[0]).toMatchObject({ room, type: 'case.inbox', data: { caseId, event: 'escalate' } });
    expect(await inbox(street.token)).toContain(caseId);

    await t.request.post(`/api/cases/${caseId}/actions/start`).set(as(worker)).send({}).expect(200);
    expect(await inbox(street.token)).toContain(caseId);
    const photo = await t.request
      .post('/api/media/photos')
      .set(as(worker))
      .attach('file', await (await import('../../server/src/media/image/test-images')).solidJpeg(64, 48, '#22aa55'), { filename: 'after.jpg', contentType: 'image/jpeg' });
    await t.request.post(`/api/cases/${caseId}/actions/resolve`).set(as(worker)).send({ note: '已清理', photoIds: [photo.body.id] }).expect(200);
    expect(await inbox(street.token)).not.toContain(caseId);
  });
});

