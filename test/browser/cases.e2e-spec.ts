import type { CaseDetail, CaseView, GridDetail, MeResponse, UploadedPhoto } from '@linli/shared';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { In } from 'typeorm';
import { Case } from '../../server/src/cases/entities/case.entity';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { RoleGrant } from '../../server/src/users/role-grant.entity';
import { gridContaining, gridMapFrame, projectToMap } from '../../miniapp/src/pages/report/grid-map';
import { browserSkipReason, launchBrowser, phonePage, snapshot } from './support/browser';
import { LiveServer, startLiveServer } from './support/live-server';

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;

/** A photo as a phone would take it: a real JPEG, made here rather than checked in. */
function phoneJpeg(color: string): Promise<Buffer> {
  return sharp({ create: { width: 960, height: 720, channels: 3, background: color } }).jpeg({ quality: 85 }).toBuffer();
}

/** A point well inside a grid: its bounding-box centre nudged until the polygon contains it. */
function pointInside(grid: GridDetail): { lng: number; lat: number } {
  const ring = grid.polygon.coordinates[0];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  for (let i = 1; i < 20; i++) {
    for (let j = 1; j < 20; j++) {
      const point = { lng: minLng + ((maxLng - minLng) * ((i * 7) % 20)) / 20, lat: minLat + ((maxLat - minLat) * ((j * 11) % 20)) / 20 };
      if (gridContaining([grid], point)) return point;
    }
  }
  throw new Error(`no inside point found for grid ${grid.id}`);
}

describeBrowser('snap-and-report (随手拍) on the H5 mini-program', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function meOf(token: string): Promise<MeResponse> {
    return (await server.request.get('/api/me').set('Authorization', `Bearer ${token}`)).body as MeResponse;
  }

  /** Signs in without the picker (it offers only a few users per role): the session as the app stores it, set before the app starts. */
  async function openSignedIn(page: Page, userId: number, route: string): Promise<void> {
    const token = await server.tokenFor(userId);
    const session = { token, user: await meOf(token), expiresAt: Date.now() + 3_600_000 };
    // Taro's H5 storage keeps each value wrapped as {data}.
    await page.context().addInitScript((stored) => localStorage.setItem('linli.session', stored), JSON.stringify({ data: session }));
    await page.goto(`${server.baseUrl}/#${route}`);
  }

  async function signIn(page: Page, userId: number): Promise<void> {
    await page.goto(`${server.baseUrl}/#/pages/auth/login/index`);
    await page.click(`.dev-user-${userId}`);
    await page.waitForSelector('#me-name', { timeout: 20_000 });
  }

  it('shows the resident 已办结 on the open case page, without reloading, when the worker resolves their photo report', async () => {
    // The first resident the sign-in picker offers, a grid of their community, and its worker on duty around the clock.
    const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
    const residentId = offered.find((u) => u.role === 'resident')!.id;
    const residentToken = await server.tokenFor(residentId);
    const communityId = (await meOf(residentToken)).community!.id;
    const grids = (await server.request.get(`/api/org/grids?communityId=${communityId}`)).body as GridDetail[];
    const workerGrant = await server.dataSource.getRepository(RoleGrant).findOneByOrFail({ role: 'grid_worker', scopeKind: 'grid', scopeId: In(grids.map((g) => g.id)) });
    const grid = grids.find((g) => g.id === workerGrant.scopeId)!;
    const shifts = server.dataSource.getRepository(DutyShift);
    for (let weekday = 0; weekday < 7; weekday++) {
      await shifts.insert({ gridId: grid.id, communityId, userId: workerGrant.userId, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    }
    const categories = (await server.request.get('/api/org/categories')).body as Array<{ id: number; name: string }>;
    const category = categories[0];

    const { context, page } = await phonePage(browser);
    await signIn(page, residentId);
    await page.goto(`${server.baseUrl}/#/pages/report/index`);
    await page.waitForSelector('#report-photos-add', { timeout: 20_000 });

    // A photo through the H5 file chooser that Taro.chooseMedia opens. The first attempt loses its connection;
    // the tile says so, and a tap on it sends the same photo again (from its blob: URL).
    let dropNextUpload = true;
    await page.route('**/api/media/photos', (route) => {
      if (dropNextUpload && route.request().method() === 'POST') {
        dropNextUpload = false;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#report-photos-add')]);
    await chooser.setFiles({ name: 'broken-cover.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#7a5230') });
    await page.waitForSelector('.draft-photo--failed', { timeout: 20_000 });
    await page.click('.draft-photo-retry');
    await page.waitForSelector('.draft-photo--done', { timeout: 20_000 });
    expect(await page.locator('.draft-photo--failed').count()).toBe(0);

    // The pin goes where the grid is drawn on the map picker.
    await page.waitForSelector('#report-map img, #report-map .grid-map__img', { timeout: 20_000 });
    const target = pointInside(grid);
    const frame = gridMapFrame(grids, 690)!;
    const xy = projectToMap(frame, target);
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.locator('#report-map').click({ position: { x: (xy.x / frame.width) * box.width, y: (xy.y / frame.height) * box.height } });
    await page.waitForSelector('#report-map-pin');
    expect(await page.textContent('#report-map-grid')).toContain(grid.name);
    await snapshot(page, 'report-form');

    await page.fill('#report-address input', '解放北路 123 号门口');
    await page.fill('#report-description textarea', '人行道井盖破损，晚上容易绊倒');
    await page.click(`#report-category-${category.id}`);
    await page.click('#report-submit');

    // A same-kind report nearby would be offered first; this one is new, so file it anyway if asked.
    const landed = await Promise.race([
      page.waitForSelector('#case-status', { timeout: 20_000 }).then(() => 'case' as const),
      page.waitForSelector('#report-nearby', { timeout: 20_000 }).then(() => 'nearby' as const),
    ]);
    if (landed === 'nearby') {
      await page.click('#report-submit-anyway');
      await page.waitForSelector('#case-status', { timeout: 20_000 });
    }
    expect(await page.textContent('#case-status')).toBe('已提交');
    await page.waitForSelector('#case-live.live-dot--connected', { timeout: 20_000 });
    await snapshot(page, 'case-submitted');

    const caseId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('id'));
    const stored = await server.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    expect(stored.handlerUserId).not.toBeNull();
    const shown = (await server.request.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${residentToken}`)).body as CaseDetail;
    expect(shown.photos.before).toHaveLength(1);
    expect(shown.description).toBe('人行道井盖破损，晚上容易绊倒');

    // Anything that reloads the page would lose this marker.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // The worker handles it through the API: accept, start, resolve with an after-photo.
    const workerToken = await server.tokenFor(stored.handlerUserId!);
    const auth = { Authorization: `Bearer ${workerToken}` };
    const after = (await server.request.post('/api/media/photos').set(auth).attach('file', await phoneJpeg('#4f7a3a'), 'fixed.jpg')).body as UploadedPhoto;
    for (const [action, body] of [
      ['accept', {}],
      ['start', {}],
      ['resolve', { note: '已更换新井盖', photoIds: [after.id] }],
    ] as const) {
      const res = await server.request.post(`/api/cases/${caseId}/actions/${action}`).set(auth).send(body);
      expect([action, res.status]).toEqual([action, 200]);
    }

    await page.waitForSelector('#case-status.case-status-resolved', { timeout: 20_000 });
    expect(await page.textContent('#case-status')).toBe('已办结');
    await page.waitForSelector('.timeline-event-resolve');
    expect(await page.textContent('.timeline-event-resolve')).toContain('已更换新井盖');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The re-read after the status change brings the rating form and the after-photo.
    await page.waitForSelector('#case-rate-form', { timeout: 20_000 });
    expect(await page.locator('#case-photos-after img, #case-photos-after .photo-row__img').count()).toBeGreaterThan(0);
    await snapshot(page, 'case-resolved-live');
    await context.close();
  }, 120_000);
  it('lets the dispatcher hand a case to another grid’s worker, who accepts, starts and resolves it with an after-photo from their inbox, and the resident rate it', async () => {
    // A worker on duty around the clock in a grid of their own, and a resident's report inside it, filed over the API.
    const workerGrant = await server.dataSource.getRepository(RoleGrant).findOneByOrFail({ role: 'grid_worker', scopeKind: 'grid' });
    const grid = (await server.request.get(`/api/org/grids/${workerGrant.scopeId}`)).body as GridDetail;
    const shifts = server.dataSource.getRepository(DutyShift);
    for (let weekday = 0; weekday < 7; weekday++) {
      await shifts.insert({ gridId: grid.id, communityId: grid.communityId, userId: workerGrant.userId, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    }
    const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
    const residentId = offered.filter((u) => u.role === 'resident')[1]?.id ?? offered.find((u) => u.role === 'resident')!.id;
    const residentAuth = { Authorization: `Bearer ${await server.tokenFor(residentId)}` };
    const before = (await server.request.post('/api/media/photos').set(residentAuth).attach('file', await phoneJpeg('#8a6d3b'), 'litter.jpg')).body as UploadedPhoto;
    const categories = (await server.request.get('/api/org/categories')).body as Array<{ id: number }>;
    const filed = await server.request
      .post('/api/cases')
      .set(residentAuth)
      .send({ clientKey: `browser-${Date.now()}`, photoIds: [before.id], ...pointInside(grid), description: '楼下垃圾堆了三天没人清理', categoryId: categories[0].id });
    expect(filed.status).toBe(201);
    const caseId = (filed.body as CaseDetail).id;
    const routedTo = (await server.dataSource.getRepository(Case).findOneByOrFail({ id: caseId })).handlerUserId!;
    expect(routedTo).not.toBeNull();

    // The community's dispatcher hands it to a worker of another grid of the community (转派) from the case page; the
    // worker it was routed to is listed but cannot be chosen.
    const grants = server.dataSource.getRepository(RoleGrant);
    const dispatcherId = (await grants.findOneByOrFail({ role: 'grid_worker', scopeKind: 'community', scopeId: grid.communityId })).userId;
    const neighbours = ((await server.request.get(`/api/org/grids?communityId=${grid.communityId}`)).body as GridDetail[]).filter((g) => g.id !== grid.id);
    const takers = await grants.findBy({ role: 'grid_worker', scopeKind: 'grid', scopeId: In(neighbours.map((g) => g.id)) });
    const handlerId = takers.find((g) => g.userId !== routedTo && g.userId !== dispatcherId)!.userId;
    const dispatcher = await phonePage(browser);
    await openSignedIn(dispatcher.page, dispatcherId, `/pages/cases/detail/index?id=${caseId}`);
    await dispatcher.page.waitForSelector('#case-action-reassign', { timeout: 20_000 });
    await dispatcher.page.click('#case-action-reassign');
    await dispatcher.page.waitForSelector(`#case-handler-${handlerId}`, { timeout: 20_000 });
    expect(await dispatcher.page.textContent(`#case-handler-${routedTo}`)).toContain('当前处理人');
    await dispatcher.page.click(`#case-handler-${routedTo}`);
    expect(await dispatcher.page.locator(`#case-handler-${routedTo}.choice--on`).count()).toBe(0);
    await dispatcher.page.click(`#case-handler-${handlerId}`);
    await dispatcher.page.fill('#case-action-text textarea', '该点位由相邻网格负责');
    await snapshot(dispatcher.page, 'case-reassign-form');
    await dispatcher.page.click('#case-action-submit');
    await dispatcher.page.waitForSelector('.timeline-event-reassign', { timeout: 20_000 });
    expect(await dispatcher.page.textContent('.timeline-event-reassign')).toContain('该点位由相邻网格负责');
    expect((await server.dataSource.getRepository(Case).findOneByOrFail({ id: caseId })).handlerUserId).toBe(handlerId);
    await dispatcher.context.close();

    const worker = await phonePage(browser);
    await openSignedIn(worker.page, handlerId, '/pages/cases/inbox/index?scope=assigned');
    await worker.page.waitForSelector('#inbox-list', { timeout: 20_000 });
    await snapshot(worker.page, 'case-inbox');
    await worker.page.click(`.inbox-item-${caseId}`);
    await worker.page.waitForSelector('#case-action-accept', { timeout: 20_000 });
    await worker.page.click('#case-action-accept');
    await worker.page.click('#case-action-submit');
    await worker.page.waitForSelector('#case-status.case-status-accepted', { timeout: 20_000 });
    await worker.page.click('#case-action-start');
    await worker.page.waitForSelector('#case-status.case-status-in_progress', { timeout: 20_000 });

    await worker.page.click('#case-action-resolve');
    // Resolving without a photo or a result is refused on the phone, in words.
    await worker.page.click('#case-action-submit');
    expect(await worker.page.textContent('#case-action-error')).toContain('照片');
    const [chooser] = await Promise.all([worker.page.waitForEvent('filechooser'), worker.page.click('#case-after-photos-add')]);
    await chooser.setFiles({ name: 'cleaned.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#3b8a4f') });
    await worker.page.waitForSelector('#case-after-photos .draft-photo--done', { timeout: 20_000 });
    await worker.page.fill('#case-action-text textarea', '已联系环卫清运完毕');
    await worker.page.click('#case-action-submit');
    await worker.page.waitForSelector('#case-status.case-status-resolved', { timeout: 20_000 });
    await snapshot(worker.page, 'case-worker-resolved');
    await worker.context.close();

    const resident = await phonePage(browser);
    await openSignedIn(resident.page, residentId, `/pages/cases/detail/index?id=${caseId}`);
    await resident.page.waitForSelector('#case-rate-form', { timeout: 20_000 });
    expect(await resident.page.locator('#case-photos-after .photo-row__img').count()).toBe(1);
    await resident.page.click('#case-rate-star-5');
    await resident.page.fill('#case-rate-comment textarea', '处理很快，谢谢');
    await resident.page.click('#case-rate-submit');
    await resident.page.waitForSelector('#case-status.case-status-closed', { timeout: 20_000 });
    expect(await resident.page.textContent('#case-rating')).toContain('★★★★★');
    await resident.context.close();

    // Anyone, signed in or not, sees the outcome on the community's public page: before and after, how long, no names.
    const visitor = await phonePage(browser);
    await visitor.page.goto(`${server.baseUrl}/#/pages/cases/outcomes/index?communityId=${grid.communityId}`);
    await visitor.page.waitForSelector(`.outcome-${caseId}`, { timeout: 20_000 });
    const outcome = (await visitor.page.textContent(`.outcome-${caseId}`))!;
    expect(outcome).toContain('楼下垃圾堆了三天没人清理');
    expect(outcome).toContain('已联系环卫清运完毕');
    expect(outcome).toContain('用时');
    const names = await Promise.all([handlerId, residentId].map(async (id) => (await meOf(await server.tokenFor(id))).name));
    for (const name of names) expect(outcome).not.toContain(name);
    expect(await visitor.page.locator(`#outcome-before-${caseId} .photo-row__img`).count()).toBe(1);
    expect(await visitor.page.locator(`#outcome-after-${caseId} .photo-row__img`).count()).toBe(1);
    await snapshot(visitor.page, 'case-outcomes');
    await visitor.context.close();
  }, 120_000);
  it('offers a neighbour the open report of the same kind nearby, in large text, and 我也遇到 follows it instead of filing another', async () => {
    const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
    const [firstId, neighbourId] = offered.filter((u) => u.role === 'resident').map((u) => u.id);
    const communityId = (await meOf(await server.tokenFor(neighbourId))).community!.id;
    const grids = (await server.request.get(`/api/org/grids?communityId=${communityId}`)).body as GridDetail[];
    const spot = pointInside(grids[grids.length - 1]);
    const categories = (await server.request.get('/api/org/categories')).body as Array<{ id: number }>;
    const category = categories[categories.length - 1];

    // The first resident's report of a broken street light, filed over the API.
    const firstAuth = { Authorization: `Bearer ${await server.tokenFor(firstId)}` };
    const photo = (await server.request.post('/api/media/photos').set(firstAuth).attach('file', await phoneJpeg('#30303a'), 'lamp.jpg')).body as UploadedPhoto;
    const first = await server.request
      .post('/api/cases')
      .set(firstAuth)
      .send({ clientKey: `browser-first-${Date.now()}`, photoIds: [photo.id], ...spot, description: '路灯不亮，晚上很黑', categoryId: category.id });
    expect(first.status).toBe(201);
    const firstCase = first.body as CaseDetail;
    const casesBefore = await server.dataSource.getRepository(Case).count();

    // The neighbour, reading in large text, reports the same thing at the same spot.
    const { context, page } = await phonePage(browser);
    await context.addInitScript(() => localStorage.setItem('linli.largeText', JSON.stringify({ data: true })));
    await openSignedIn(page, neighbourId, '/pages/report/index');
    await page.waitForSelector('#report-page.page--large #report-photos-add', { timeout: 20_000 });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#report-photos-add')]);
    await chooser.setFiles({ name: 'dark.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg('#202028') });
    await page.waitForSelector('.draft-photo--done', { timeout: 20_000 });
    const frame = gridMapFrame(grids, 690)!;
    const xy = projectToMap(frame, spot);
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.locator('#report-map').click({ position: { x: (xy.x / frame.width) * box.width, y: (xy.y / frame.height) * box.height } });
    await page.fill('#report-description textarea', '这边的路灯坏了');
    await page.click(`#report-category-${category.id}`);
    await snapshot(page, 'report-form-large-text');
    await page.click('#report-submit');

    await page.waitForSelector(`#report-nearby .nearby-case-${firstCase.id}`, { timeout: 20_000 });
    expect(await page.textContent(`.nearby-case-${firstCase.id}`)).toContain('路灯不亮');
    expect(await page.textContent(`.nearby-case-${firstCase.id}`)).toMatch(/\d+ 米/);
    await snapshot(page, 'report-nearby');
    await page.click(`#report-follow-${firstCase.id}`);

    await page.waitForSelector('#case-code', { timeout: 20_000 });
    expect(await page.textContent('#case-code')).toBe(firstCase.code);
    // A follower gets the public view: roughly where, thumbnails, and a line saying names and the exact place are not shown.
    await page.waitForSelector('#case-public', { timeout: 20_000 });
    expect(await page.textContent('#case-public')).toContain('大致位置');
    expect(await page.textContent('#case-public-note')).toContain('不公开');
    expect(await page.locator('#case-public-photos .photo-row__img').count()).toBe(1);
    expect(await page.locator('#case-photos-before').count()).toBe(0);
    expect(await page.textContent('#case-page')).not.toContain('反映人 ');
    expect(await page.textContent('#case-page')).not.toContain('承办网格员');
    await snapshot(page, 'case-public-view');
    const seen = (await server.request.get(`/api/cases/${firstCase.id}`).set('Authorization', `Bearer ${await server.tokenFor(neighbourId)}`)).body as CaseView;
    expect(seen).toMatchObject({ view: 'public', isFollowing: true });
    expect(await server.dataSource.getRepository(Case).count()).toBe(casesBefore);
    await context.close();
  }, 120_000);
});
