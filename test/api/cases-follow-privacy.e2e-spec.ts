import { CASE_LIVE_EVENT_TYPE, liveRoom, type CaseDetail, type CaseLiveEventData, type CaseMineItem, type CasePage, type CasePublicView, type NearbyCase } from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { CaseIntake } from '../../server/src/cases/case-intake.service';
import { CaseFollower } from '../../server/src/cases/entities';
import { fire, seededCategory, createSlaWorld, type SlaWorld } from './cases-sla-world';
import { createResidency, createUser } from './support/factories';
import { LiveSockets, waitFor } from './support/live-sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * 我也遇到 used to let anyone signed in follow any open case and then read all of it: the description, the exact
 * point, the photos, the handler's name, the timeline's notes, and the live room. Now only verified residents of
 * the case's community may follow, a follower gets the public view, and everyone else is answered as if the case
 * did not exist.
 */
describe('following a case (我也遇到) and what a follower sees', () => {
  let t: TestApp;
  let live: LiveSockets;
  let world: SlaWorld;
  let categoryId: number;
  const PHONE = '13812345678';

  beforeAll(async () => {
    t = await startTestApp({ caseSweepSeconds: 0 });
    live = await LiveSockets.on(t.app);
    world = await createSlaWorld(t.dataSource);
    categoryId = (await seededCategory(t.dataSource)).category.id;
  });

  afterEach(() => live.close());
  afterAll(async () => {
    await t?.close();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function person(name: string, residency?: { communityId: number; status: 'verified' | 'pending' }) {
    const user = await createUser(t.dataSource, { name });
    if (residency) await createResidency(t.dataSource, { userId: user.id, ...residency });
    return { id: user.id, name, token: await t.tokenFor(user.id) };
  }

  async function openCase(reporterId: number): Promise<number> {
    const outcome = await t.app.get(CaseIntake).submit(reporterId, {
      clientKey: randomUUID(),
      photoIds: [],
      ...world.centre,
      address: `幸福路 8 号门口，有事打 ${PHONE}`,
      description: `楼下餐馆油烟直排，熏得没法开窗，我电话 ${PHONE}`,
      categoryId,
    });
    return outcome.caseId;
  }

  const follow = (token: string, id: number) => t.request.post(`/api/cases/${id}/follow`).set(auth(token));
  const read = (token: string, id: number) => t.request.get(`/api/cases/${id}`).set(auth(token));
  const followers = (caseId: number) => t.dataSource.getRepository(CaseFollower).countBy({ caseId });
  const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  /** What a request about a case id nobody ever filed gets: the answer strangers must get for real cases too. */
  async function missingAnswer(token: string) {
    const missing = await follow(token, 999_999_999);
    expect(missing.status).toBe(404);
    return withoutRequestId(missing.body);
  }

  async function expectShutOut(who: { token: string }, caseId: number) {
    const missing = await missingAnswer(who.token);
    const followed = await follow(who.token, caseId);
    expect(followed.status).toBe(404);
    expect(withoutRequestId(followed.body)).toEqual(missing);
    const page = await read(who.token, caseId);
    expect(page.status).toBe(404);
    expect(withoutRequestId(page.body)).toEqual({ ...withoutRequestId((await read(who.token, 999_999_999)).body) });
    const socket = await live.connect(who.token);
    for (const room of [liveRoom('case', caseId), liveRoom('case:public', caseId)]) {
      expect(await socket.subscribe(room, 0)).toMatchObject({ ok: false, room, error: 'forbidden' });
    }
  }

  it('answers a signed-in person without a verified residency as if the case did not exist: follow, page, live room', async () => {
    const reporter = await person('冯阿姨', { communityId: world.community.id, status: 'verified' });
    const caseId = await openCase(reporter.id);
    await expectShutOut(await person('未认证甲'), caseId);
    await expectShutOut(await person('待审核乙', { communityId: world.community.id, status: 'pending' }), caseId);
    expect(await followers(caseId)).toBe(0);
  });

  it('answers a verified resident of another community the same way', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    const elsewhere = await createSlaWorld(t.dataSource);
    await expectShutOut(await person('外社区丙', { communityId: elsewhere.community.id, status: 'verified' }), caseId);
    expect(await followers(caseId)).toBe(0);
  });

  it('lets nobody outside the community collect cases by trying every id', async () => {
    const reporter = await person('冯阿姨');
    const filed = [await openCase(reporter.id), await openCase(reporter.id), await openCase(reporter.id)];
    const elsewhere = await createSlaWorld(t.dataSource);
    const prober = await person('外社区丁', { communityId: elsewhere.community.id, status: 'verified' });
    const missing = await missingAnswer(prober.token);
    const last = Math.max(...filed);
    const seen: number[] = [];
    for (let id = 1; id <= last + 2; id++) {
      const followed = await follow(prober.token, id);
      const page = await read(prober.token, id);
      if (followed.status !== 404 || page.status !== 404) seen.push(id);
      expect(withoutRequestId(followed.body)).toEqual(missing);
    }
    expect(seen).toEqual([]);
  });

  it('lets a verified neighbour follow, and shows them the public view only', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    await fire(t, caseId, 'accept', { id: world.worker.id, grants: world.grants.worker }, { note: `已联系${world.worker.name}，明早处理` });
    const neighbour = await person('李伯', { communityId: world.community.id, status: 'verified' });

    const followed = await follow(neighbour.token, caseId);
    expect(followed.status).toBe(200);
    for (const view of [followed.body as CasePublicView, (await read(neighbour.token, caseId).expect(200)).body as CasePublicView]) {
      expect(view).toMatchObject({
        view: 'public',
        id: caseId,
        status: 'accepted',
        isFollowing: true,
        followerCount: 1,
        liveRoom: liveRoom('case:public', caseId),
        place: { communityName: world.community.name, streetName: world.street.name },
        myActor: null,
        availableActions: [],
      });
      expect(view.description).toBe('楼下餐馆油烟直排，熏得没法开窗，我电话 138****5678');
      expect(view.address).toBe('幸福路 8 号门口，有事打 138****5678');
      for (const key of ['lng', 'lat', 'photos', 'handler', 'reporterName', 'departments', 'gridId', 'communityId', 'rating', 'rejection', 'classification']) {
        expect(view).not.toHaveProperty(key);
      }
      expect(view.timeline.map((e) => [e.event, e.note, e.data])).toEqual([
        ['submit', null, null],
        ['accept', null, null],
      ]);
      const text = JSON.stringify(view);
      for (const secret of [world.worker.name, reporter.name, PHONE]) expect(text).not.toContain(secret);
    }
    // Following twice changes nothing.
    expect((await follow(neighbour.token, caseId)).body).toMatchObject({ view: 'public', followerCount: 1 });

    // 我的反映 lists it as its public cut too.
    const mine = (await t.request.get('/api/cases/mine').set(auth(neighbour.token)).expect(200)).body as CasePage<CaseMineItem>;
    expect(mine.items).toEqual([expect.objectContaining({ view: 'public', id: caseId, description: '楼下餐馆油烟直排，熏得没法开窗，我电话 138****5678' })]);
    for (const key of ['lng', 'lat', 'gridId', 'communityId', 'queue']) expect(mine.items[0]).not.toHaveProperty(key);
  });

  it('offers nearby only the open reports the person may join, their text masked', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    const nearby = async (token: string) => (await t.request.get('/api/cases/nearby').query({ ...world.centre, categoryId }).set(auth(token)).expect(200)).body as NearbyCase[];
    const neighbour = await person('李伯', { communityId: world.community.id, status: 'verified' });
    expect((await nearby(neighbour.token)).find((c) => c.id === caseId)).toMatchObject({ description: '楼下餐馆油烟直排，熏得没法开窗，我电话 138****5678' });
    const elsewhere = await createSlaWorld(t.dataSource);
    for (const stranger of [await person('未认证甲'), await person('外社区丙', { communityId: elsewhere.community.id, status: 'verified' })]) {
      expect((await nearby(stranger.token)).map((c) => c.id)).not.toContain(caseId);
    }
  });

  it('keeps the whole case for the reporter, the grid worker, the dispatcher and the committee', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    await follow((await person('李伯', { communityId: world.community.id, status: 'verified' })).token, caseId);
    for (const id of [reporter.id, world.worker.id, world.dispatcher.id, world.committee.id]) {
      const page = (await read(await t.tokenFor(id), caseId).expect(200)).body as CaseDetail;
      expect(page).toMatchObject({ view: 'full', liveRoom: liveRoom('case', caseId), lng: world.centre.lng, lat: world.centre.lat, handler: { userId: world.worker.id } });
      expect(page.description).toContain(PHONE);
    }
  });

  it('tells a neighbour that a settled case has nothing left to join', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    await fire(t, caseId, 'reject', { id: world.worker.id, grants: world.grants.worker }, { rejectKind: 'invalid', reason: '不属于受理范围' });
    const neighbour = await person('李伯', { communityId: world.community.id, status: 'verified' });
    const res = await follow(neighbour.token, caseId);
    expect(res.status).toBe(409);
    expect(await followers(caseId)).toBe(0);
  });

  it('gives a follower the public live room only, whose events carry no notes or names', async () => {
    const reporter = await person('冯阿姨');
    const caseId = await openCase(reporter.id);
    const neighbour = await person('李伯', { communityId: world.community.id, status: 'verified' });
    const onlooker = await person('张婶', { communityId: world.community.id, status: 'verified' });

    // Not before following, and never the whole case's room.
    const early = await live.connect(neighbour.token);
    expect(await early.subscribe(liveRoom('case:public', caseId), 0)).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await follow(neighbour.token, caseId)).status).toBe(200);
    const follower = await live.connect(neighbour.token);
    expect(await follower.subscribe(liveRoom('case', caseId), 0)).toMatchObject({ ok: false, error: 'forbidden' });
    const caught = await follower.subscribe(liveRoom('case:public', caseId), 0);
    expect(caught).toMatchObject({ ok: true, lastSeq: 1 });
    const other = await live.connect(onlooker.token);
    expect(await other.subscribe(liveRoom('case:public', caseId), 0)).toMatchObject({ ok: false, error: 'forbidden' });

    const worker = await live.connect(await t.tokenFor(world.worker.id));
    expect(await worker.subscribe(liveRoom('case', caseId), 1)).toMatchObject({ ok: true });

    const note = `已联系${world.worker.name}，明早处理`;
    await fire(t, caseId, 'accept', { id: world.worker.id, grants: world.grants.worker }, { note });
    await waitFor(() => follower.events.length >= 2 && worker.events.length >= 1);

    const publicEvents = follower.events.map((e) => e.data as CaseLiveEventData);
    expect(follower.events.every((e) => e.type === CASE_LIVE_EVENT_TYPE && e.room === liveRoom('case:public', caseId))).toBe(true);
    expect(publicEvents.map((d) => [d.entry.seq, d.entry.event, d.entry.note, d.entry.data, d.status])).toEqual([
      [1, 'submit', null, null, 'submitted'],
      [2, 'accept', null, null, 'accepted'],
    ]);
    expect(JSON.stringify(follower.events)).not.toContain(world.worker.name);
    expect((worker.events[0].data as CaseLiveEventData).entry.note).toBe(note);
  });
});
