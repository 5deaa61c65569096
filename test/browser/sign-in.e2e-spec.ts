import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, phonePage, snapshot } from './support/browser';
import { LiveServer, startLiveServer } from './support/live-server';

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;

describeBrowser('signing in on the H5 mini-program', () => {
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

  it('shows a resident their own community on 我的 after the development sign-in', async () => {
    const { context, page } = await phonePage(browser);
    // The first resident the picker offers, as a person trying the demo would choose.
    const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
    const residentId = offered.find((u) => u.role === 'resident')!.id;
    const me = (await server.request.get('/api/me').set('Authorization', `Bearer ${await server.tokenFor(residentId)}`)).body;
    expect(me.community?.name).toBeTruthy();

    await page.goto(`${server.baseUrl}/#/pages/auth/login/index`);
    await page.click(`.dev-user-${residentId}`);
    await page.waitForSelector('#me-name', { timeout: 20_000 });
    await snapshot(page, 'me-resident');

    expect(await page.textContent('#me-name')).toContain(me.name);
    expect(await page.textContent('#me-community')).toContain(me.community.name);
    expect(await page.locator('.role-badge-resident').count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('shows each demo role the work area that role has on 我的', async () => {
    const sections: Array<[string, string]> = [
      ['committee-c01', '#me-section-residency-review'],
      ['worker-g001', '#me-section-my-grids'],
      ['admin', '#me-section-district-overview'],
    ];
    for (const [seedKey, selector] of sections) {
      const { context, page } = await phonePage(browser);
      await page.goto(`${server.baseUrl}/#/pages/auth/login/index`);
      await page.click(`.dev-user-${await server.userId(seedKey)}`);
      await page.waitForSelector('#me-name', { timeout: 20_000 });
      expect(await page.locator(selector).count()).toBe(1);
      // A resident's work areas are not shown to staff, and vice versa.
      expect(await page.locator('#me-section-department-cases').count()).toBe(0);
      await context.close();
    }
  }, 90_000);

  it('shows all five tabs to a visitor who has not signed in', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.baseUrl}/#/pages/home/index`);
    await page.waitForSelector('#home-page', { timeout: 20_000 });
    for (const label of ['首页', '随手拍', '议事', '志愿', '我的']) {
      await expect(page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await context.close();
  }, 60_000);
});
