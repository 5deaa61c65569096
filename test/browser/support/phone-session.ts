import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phonePage, snapshot } from './browser';
import { LiveServer, startLiveServer } from './live-server';

/** How long a step waits for the page it needs before the test fails with a screenshot. */
export const PAGE_TIMEOUT = 20_000;

export interface PhoneSession {
  /** The live server of the enclosing describe block (set in its beforeAll). */
  readonly server: LiveServer;
  /** A fresh phone-sized page in a context of its own (own session storage), closed after the block. */
  newPhone(): Promise<Page>;
  /** A full load of one route (the session stays in localStorage), waiting for what the step needs. */
  open(page: Page, route: string, selector: string): Promise<void>;
  /** Signs in through the development picker and waits for 我的. */
  signIn(page: Page, userId: number): Promise<void>;
}

/**
 * One live server and one Chromium for a describe block, with the page helpers several people's phones
 * need. Registers its own beforeAll/afterAll; screenshots of a missing selector are named after `artifactPrefix`.
 */
export function usePhoneSession(artifactPrefix: string): PhoneSession {
  let server: LiveServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const session: PhoneSession = {
    get server(): LiveServer {
      if (!server) throw new Error('the live server starts in beforeAll');
      return server;
    },
    async newPhone() {
      const { context, page } = await phonePage(browser!);
      contexts.push(context);
      return page;
    },
    async open(page, route, selector) {
      await page.goto('about:blank');
      await page.goto(`${session.server.baseUrl}/#${route}`);
      try {
        await page.waitForSelector(selector, { timeout: PAGE_TIMEOUT });
      } catch (error) {
        await snapshot(page, `${artifactPrefix}-missing-${selector.replace(/[^A-Za-z0-9-]+/g, '_')}`);
        throw error;
      }
    },
    async signIn(page, userId) {
      await session.open(page, '/pages/auth/login/index', `.dev-user-${userId}`);
      await page.click(`.dev-user-${userId}`);
      await page.waitForSelector('#me-name', { timeout: PAGE_TIMEOUT });
    },
  };
  return session;
}
