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

  afterAll(async () => {
    jest.restoreAllMocks();
    await browser?.close();
    await server?.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The server judges windows and QR rotation at this moment from now on (the browser keeps its own clock). */
  function serverTimeIs(at: Date) {
    jest.spyOn(server.app.get(VolunteerClock), 'now').mockImplementation(() => new Date(at.getTime()));
  }

  async function fillTaroInput(page: Page, id: string, value: string) {
    await page.fill(`#${id} input`, value);
  }

  it('checks a resident in as a party member, signs them up, checks them in and out by QR code and downloads the PDF record', async () => {
    const branchToken = await server.loginAs('branch-c01');
    const committeeToken = await server.loginAs('committee-c01');
    const committee = (await server.request.get('/api/me').set(bearer(committeeToken))).body as { grants: Array<{ role: string; scopeId: number }> };
    const communityId = committee.grants.find((g) => g.role === 'community_committee')!.scopeId;

    // A resident of that community whom the dev sign-in picker offers.
    const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
    let memberId = 0;
    for (const candidate of offered.filter((u) => u.role === 'resident')) {
      const me = (await server.request.get('/api/me').set(bearer(await server.tokenFor(candidate.id)))).body as { community: { id: number } | null };
      if (me.community?.id === communityId) {
        memberId = candidate.id;
        break;
      }
    }
    expect(memberId).toBeGreaterThan(0);

    const { context, page } = await phonePage(browser);
    await page.goto(`${server.baseUrl}/#/pages/auth/login/index`);
    await page.click(`.dev-user-${memberId}`);
    await page.waitForSelector('#me-name', { timeout: 20_000 });

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
    await page.waitForSelector('.volunteer-record-status-certified', { timeout: 20_000 });
    expect(await page.textContent('#volunteer-total-hours')).toBe('1.5');
    await snapshot(page, 'volunteer-records');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('#volunteer-export-pdf')]);
    expect(download.suggestedFilename()).toMatch(/^志愿服务记录-.*\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfParse(pdf)).text;
    expect(text).toContain(title);
    expect(text).toContain('1.5');
    expect(text).toContain('已认定');
    await context.close();
  }, 120_000);
});
