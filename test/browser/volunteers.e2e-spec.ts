import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { VolunteerClock } from '../../server/src/volunteers/volunteer-clock';
import { browserSkipReason, launchBrowser, phonePage, snapshot } from './support/browser';
import { LiveServer, startLiveServer } from './support/live-server';

// pdf-parse's index runs a self-test when loaded without a parent module; its library file is the parser itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;
const MINUTE = 60_000;

describeBrowser('party member check-in and volunteer service on the H5 mini-program', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
  }, 60_000);

  // Each test starts on the real clock again.
  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The server judges windows and QR rotation at this moment from now on (the browser keeps its own clock). */
  function serverTimeIs(at: Date) {
    jest.spyOn(server.app.get(VolunteerClock), 'now').mockImplementation(() => new Date(at.getTime()));
  }

  /** Stores a dev-login session the way the app does (Taro H5 keeps `{data}` under the key), then opens 我的. */
  async function signInWithSession(page: Page, userId: number) {
    const login = (await server.request.post('/api/auth/dev').send({ userId })).body as { accessToken: string; expiresIn: number; user: unknown };
    await page.goto(`${server.baseUrl}/#/pages/home/index`);
    await page.evaluate((session) => localStorage.setItem('linli.session', JSON.stringify({ data: session })), {
      token: login.accessToken,
      user: login.user,
      expiresAt: Date.now() + login.expiresIn * 1000,
    });
    await page.goto(`${server.baseUrl}/#/pages/me/index`);
    await page.reload();
    await page.waitForSelector('#me-name', { timeout: 20_000 });
  }

  async function fillTaroInput(page: Page, id: string, value: string) {
    await page.fill(`#${id} input`, value);
  }

  it('checks a resident in as a party member, signs them up, checks them in and out by QR code and downloads the PDF record', async () => {
    const branchToken = await server.loginAs('branch-c01');
    const committeeToken = await server.loginAs('committee-c01');
    const committee = (await server.request.get('/api/me').set(bearer(committeeToken))).body as { grants: Array<{ role: string; scopeId: number }> };
    const communityId = committee.grants.find((g) => g.role === 'community_committee')!.scopeId;

    // A resident who is not yet a party member: the picker only offers the first few residents, whom the demo
    // seed has already checked in as party members, so this one signs in with a dev-login session instead.
    const memberId = await server.userId('resident-c01-001');
    const { context, page } = await phonePage(browser);
    await signInWithSession(page, memberId);

    // 党员报到: the member reports to the community they live in …
    await page.goto(`${server.baseUrl}/#/pages/volunteers/party-check-in/index`);
    await page.waitForSelector(`.party-community-${communityId}.choice--on`, { timeout: 20_000 });
    await fillTaroInput(page, 'party-check-in-organization', '越秀区税务局第一党支部');
    await page.click('#party-check-in-submit');
    await page.waitForSelector('.party-check-in-status-pending', { timeout: 10_000 });

    // … and the community's party branch confirms.
    const pending = (await server.request.get(`/api/communities/${communityId}/party-check-ins?status=pending`).set(bearer(branchToken))).body as Array<{
      id: number;
      userId: number;
      partyOrganizationName: string;
    }>;
    const mine = pending.find((c) => c.userId === memberId);
    expect(mine?.partyOrganizationName).toBe('越秀区税务局第一党支部');
    const review = await server.request.post(`/api/volunteers/party-check-ins/${mine!.id}/review`).set(bearer(branchToken)).send({ approve: true });
    expect(review.status).toBeLessThan(300);
    await page.reload();
    await page.waitForSelector('.party-check-in-status-confirmed', { timeout: 20_000 });
    await snapshot(page, 'volunteer-party-check-in');

    // The committee publishes an activity that starts in ten minutes and runs two hours.
    const startsAt = new Date(Math.ceil((Date.now() + 10 * MINUTE) / MINUTE) * MINUTE);
    const endsAt = new Date(startsAt.getTime() + 120 * MINUTE);
    const title = '小北路楼道杂物清理';
    const published = await server.request
      .post(`/api/communities/${communityId}/volunteer-activities`)
      .set(bearer(committeeToken))
      .send({ title, themeCode: 'environment', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), placeName: '社区党群服务中心门口', capacity: 10, checkMethods: ['qr'] });
    expect(published.status).toBe(201);
    const activityId = published.body.id as number;

    // Sign-up on the activity page.
    await page.goto(`${server.baseUrl}/#/pages/volunteers/activity/index?id=${activityId}`);
    await page.waitForSelector('#volunteer-signup', { timeout: 20_000 });
    expect(await page.textContent('#volunteer-activity-title')).toContain(title);
    await page.click('#volunteer-signup');
    await page.waitForFunction(() => document.querySelector('#volunteer-signup-status')?.textContent?.includes('已报名'), null, { timeout: 10_000 });
    expect(await page.textContent('#volunteer-capacity')).toContain('已报名 1 / 10 人');

    // Five minutes in: the organiser's screen shows the check-in code; on H5 the member types it in.
    serverTimeIs(new Date(startsAt.getTime() + 5 * MINUTE));
    const checkInQr = await server.request.get(`/api/volunteers/activities/${activityId}/qr?purpose=check_in`).set(bearer(committeeToken));
    expect(checkInQr.status).toBe(200);
    await fillTaroInput(page, 'volunteer-token', checkInQr.body.token);
    await page.click('#volunteer-check-in');
    await page.waitForSelector('#volunteer-checked-in-at', { timeout: 10_000 });
    expect(await page.locator('#volunteer-attendance-error').count()).toBe(0);
    // After a reload the page still says so: the activity view carries the person's own attendance.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#volunteer-attendance-state')?.textContent === '已签到', null, { timeout: 20_000 });
    expect(await page.textContent('#volunteer-checked-in-at')).not.toContain('—');

    // An hour and a half later the check-out code ends the service: 90 minutes, 1.5 hours.
    serverTimeIs(new Date(startsAt.getTime() + 95 * MINUTE));
    const checkOutQr = await server.request.get(`/api/volunteers/activities/${activityId}/qr?purpose=check_out`).set(bearer(committeeToken));
    await fillTaroInput(page, 'volunteer-token', checkOutQr.body.token);
    await page.click('#volunteer-check-out');
    await page.waitForSelector('#volunteer-hours', { timeout: 10_000 });
    expect(await page.textContent('#volunteer-hours')).toContain('1.5 小时');
    await snapshot(page, 'volunteer-activity-checked-out');

    // The organiser certifies the hours; the member's records page shows them and exports the PDF.
    const certified = await server.request.post(`/api/volunteers/activities/${activityId}/service-records/certify`).set(bearer(committeeToken));
    expect(certified.body.certified).toBe(1);

    await page.goto(`${server.baseUrl}/#/pages/volunteers/records/index`);
    const history = (await server.request.get('/api/volunteers/me/service-records').set(bearer(await server.tokenFor(memberId)))).body as {
      records: Array<{ id: number; activityId: number }>;
      totals: { hours: number };
    };
    const record = history.records.find((r) => r.activityId === activityId)!;
    await page.waitForSelector(`#volunteer-record-${record.id} .volunteer-record-status-certified`, { timeout: 20_000 });
    expect(await page.textContent(`#volunteer-record-${record.id}`)).toContain('1.5 小时');
    // The totals include any earlier service the person has (the demo seed gives some residents past hours).
    expect(await page.textContent('#volunteer-total-hours')).toBe(String(history.totals.hours));
    await snapshot(page, 'volunteer-records');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('#volunteer-export-pdf')]);
    expect(download.suggestedFilename()).toMatch(/^志愿服务记录-.*\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfParse(pdf)).text;
    expect(text).toContain(title);
    expect(text).toContain('1.5');
    expect(text).toContain('已认定');

    // Confirmed check-in and certified hours both earn points; the page shows the ledger's balance.
    const points = (await server.request.get('/api/points/me').set(bearer(await server.tokenFor(memberId)))).body as { balance: number; lines: unknown[] };
    expect(points.lines.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${server.baseUrl}/#/pages/volunteers/points/index`);
    await page.waitForFunction((b) => document.querySelector('#volunteer-points-balance')?.textContent === String(b), points.balance, { timeout: 20_000 });
    expect(await page.locator('.volunteer-points-line').count()).toBe(points.lines.length);
    await context.close();
  }, 120_000);

  it("lets the committee confirm a party member, show the rotating code, correct and record times and certify the hours", async () => {
    const committeeToken = await server.loginAs('committee-c01');
    const committee = (await server.request.get('/api/me').set(bearer(committeeToken))).body as { grants: Array<{ role: string; scopeId: number }> };
    const communityId = committee.grants.find((g) => g.role === 'community_committee')!.scopeId;
    const scanner = { id: await server.userId('resident-c01-007') };
    const forgetful = { id: await server.userId('resident-c01-008') };
    const scannerToken = await server.tokenFor(scanner.id);
    const forgetfulToken = await server.tokenFor(forgetful.id);

    // One resident has asked to be confirmed as a party member; both sign up for a one-place activity.
    const checkIn = await server.request.post('/api/volunteers/party-check-ins').set(bearer(forgetfulToken)).send({ communityId, partyOrganizationName: '越秀区卫健局机关党支部' });
    expect(checkIn.status).toBe(201);
    const startsAt = new Date(Math.ceil((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE);
    const endsAt = new Date(startsAt.getTime() + 120 * MINUTE);
    const activity = (
      await server.request
        .post(`/api/communities/${communityId}/volunteer-activities`)
        .set(bearer(committeeToken))
        .send({ title: '长者饭堂送餐', themeCode: 'elder_meals', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), placeName: '长者饭堂', capacity: 1 })
    ).body as { id: number };
    await server.request.post(`/api/volunteers/activities/${activity.id}/signups`).set(bearer(scannerToken)).expect(201);
    const waiting = await server.request.post(`/api/volunteers/activities/${activity.id}/signups`).set(bearer(forgetfulToken));
    expect(waiting.body.status).toBe('waitlisted');

    const { context, page } = await phonePage(browser);
    await page.goto(`${server.baseUrl}/#/pages/auth/login/index`);
    await page.click(`.dev-user-${await server.userId('committee-c01')}`);
    await page.waitForSelector('#me-name', { timeout: 20_000 });

    // 志愿 tab → 报到审核: confirm the party member.
    await page.goto(`${server.baseUrl}/#/pages/volunteer/index`);
    await page.waitForSelector('#volunteer-entry-manage', { timeout: 20_000 });
    await page.waitForSelector(`#volunteer-activity-${activity.id}`, { timeout: 20_000 });
    await snapshot(page, 'volunteer-tab-committee');
    await page.click('#volunteer-entry-party-review');
    await page.click(`#party-review-${checkIn.body.id}-approve`, { timeout: 20_000 });
    await page.waitForSelector(`#party-review-${checkIn.body.id}`, { state: 'detached', timeout: 10_000 });
    const reviewed = (await server.request.get('/api/volunteers/me/party-check-ins').set(bearer(forgetfulToken))).body as Array<{ id: number; status: string }>;
    expect(reviewed.find((c) => c.id === checkIn.body.id)?.status).toBe('confirmed');

    // Raising the places to two moves the waiting resident up.
    await page.goto(`${server.baseUrl}/#/pages/volunteers/attendance/index?id=${activity.id}`);
    await page.waitForSelector('#volunteer-capacity-input', { timeout: 20_000 });
    await fillTaroInput(page, 'volunteer-capacity-input', '2');
    await page.click('#volunteer-capacity-save');
    await page.waitForFunction(() => document.querySelectorAll('.volunteer-signup-confirmed').length === 2, null, { timeout: 10_000 });

    // At the venue the organiser's page shows the rotating code; the resident's phone sends what it scanned.
    serverTimeIs(new Date(startsAt.getTime() + 5 * MINUTE));
    await page.goto(`${server.baseUrl}/#/pages/volunteers/qr/index?id=${activity.id}&purpose=check_in`);
    await page.waitForSelector('#volunteer-qr-token', { timeout: 20_000 });
    const shown = (await page.textContent('#volunteer-qr-token'))!.trim();
    expect(shown).toMatch(new RegExp(`^v1\\.${activity.id}\\.check_in\\.`));
    expect(await page.getAttribute('#volunteer-qr-image img, img#volunteer-qr-image', 'src')).toMatch(/^data:image\/gif;base64,/);
    // Let the H5 router's slide-in finish, so the picture shows the page as the organiser sees it.
    await page.waitForTimeout(500);
    await snapshot(page, 'volunteer-qr');
    const scanned = await server.request.post(`/api/volunteers/activities/${activity.id}/attendance/check-in`).set(bearer(scannerToken)).send({ token: shown });
    expect(scanned.status).toBe(200);
    await page.click('#volunteer-qr-purpose-check_out');
    await page.waitForFunction(() => document.querySelector('#volunteer-qr-token')?.textContent?.includes('.check_out.'), null, { timeout: 10_000 });

    // The resident forgot to check out: the organiser sets the time with a reason. The other never scanned: recorded by hand.
    const shanghaiClock = (at: Date) => new Date(at.getTime() + 8 * 60 * MINUTE).toISOString().slice(11, 16);
    await page.goto(`${server.baseUrl}/#/pages/volunteers/attendance/index?id=${activity.id}`);
    const attendanceId = scanned.body.id as number;
    await page.click(`#volunteer-correct-${attendanceId}`, { timeout: 20_000 });
    await fillTaroInput(page, `volunteer-correct-out-${attendanceId}`, shanghaiClock(new Date(startsAt.getTime() + 65 * MINUTE)));
    await fillTaroInput(page, `volunteer-correct-reason-${attendanceId}`, '手机没电，未能扫码签退');
    await page.click(`#volunteer-correct-save-${attendanceId}`);
    await page.waitForFunction((id) => document.querySelector(`#volunteer-attendance-${id}`)?.textContent?.includes('手机没电'), attendanceId, { timeout: 10_000 });

    await page.click(`#volunteer-record-missing-${forgetful.id}`);
    await fillTaroInput(page, `volunteer-missing-reason-${forgetful.id}`, '现场网络中断，由组织方补录');
    await page.click(`#volunteer-missing-save-${forgetful.id}`);
    await page.waitForSelector('#volunteer-certify-all', { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('.volunteer-attendance-item').length === 2, null, { timeout: 10_000 });
    await page.click('#volunteer-certify-all');
    await page.waitForSelector('#volunteer-certify-all', { state: 'detached', timeout: 10_000 });
    await snapshot(page, 'volunteer-attendance');

    const rows = (await server.request.get(`/api/volunteers/activities/${activity.id}/attendances`).set(bearer(committeeToken))).body as Array<{
      userId: number;
      minutes: number;
      corrections: Array<{ reason: string }>;
      serviceRecord: { status: string } | null;
    }>;
    const corrected = rows.find((r) => r.userId === scanner.id)!;
    expect(corrected.minutes).toBe(60);
    expect(corrected.corrections.map((c) => c.reason)).toEqual(['手机没电，未能扫码签退']);
    expect(rows.find((r) => r.userId === forgetful.id)?.minutes).toBe(120);
    expect(rows.map((r) => r.serviceRecord?.status)).toEqual(['certified', 'certified']);
    await context.close();
  }, 120_000);

  it('lets the committee call off an activity with a reason that the signed-up resident then reads on the activity page', async () => {
    const committeeToken = await server.loginAs('committee-c01');
    const committee = (await server.request.get('/api/me').set(bearer(committeeToken))).body as { grants: Array<{ role: string; scopeId: number }> };
    const communityId = committee.grants.find((g) => g.role === 'community_committee')!.scopeId;
    const startsAt = new Date(Math.ceil((Date.now() + 2 * 24 * 60 * MINUTE) / MINUTE) * MINUTE);
    const published = await server.request
      .post(`/api/communities/${communityId}/volunteer-activities`)
      .set(bearer(committeeToken))
      .send({ title: '周末义诊', themeCode: 'environment', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(), placeName: '社区卫生站', checkMethods: ['qr'] });
    expect(published.status).toBe(201);
    const activityId = published.body.id as number;
    const residentId = await server.userId('resident-c01-009');
    const signUp = await server.request.post(`/api/volunteers/activities/${activityId}/signups`).set(bearer(await server.tokenFor(residentId)));
    expect(signUp.status).toBe(201);

    const organiser = await phonePage(browser);
    await signInWithSession(organiser.page, await server.userId('committee-c01'));
    await organiser.page.goto(`${server.baseUrl}/#/pages/volunteers/activity/index?id=${activityId}`);
    await organiser.page.waitForSelector('#volunteer-cancel-activity', { timeout: 20_000 });
    await organiser.page.click('#volunteer-cancel-activity');
    await fillTaroInput(organiser.page, 'volunteer-cancel-reason-input', '卫生站临时停电，活动取消');
    await organiser.page.click('#volunteer-cancel-confirm');
    await organiser.page.waitForSelector('#volunteer-cancelled-banner', { timeout: 10_000 });
    expect(await organiser.page.locator('#volunteer-cancel-activity').count()).toBe(0);
    await organiser.context.close();

    const resident = await phonePage(browser);
    await signInWithSession(resident.page, residentId);
    await resident.page.goto(`${server.baseUrl}/#/pages/volunteers/activity/index?id=${activityId}`);
    await resident.page.waitForSelector('#volunteer-cancelled-banner', { timeout: 20_000 });
    expect(await resident.page.textContent('#volunteer-cancel-reason')).toContain('卫生站临时停电，活动取消');
    expect(await resident.page.textContent('#volunteer-phase')).toBe('已取消');
    expect(await resident.page.locator('#volunteer-signup').count()).toBe(0);
    await snapshot(resident.page, 'volunteer-activity-cancelled');
    await resident.context.close();
  }, 120_000);
});
