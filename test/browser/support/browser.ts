import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Flags this machine's closed network needs; without them Chromium keeps dialling out. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const browserSkipReason = (): string | undefined => process.env.LINLI_BROWSER_SKIP;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A phone-sized page (iPhone X viewport), as residents see the H5 mini-program. */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a screenshot under test/.artifacts for a failing or inspected run. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${__dirname}/../../.artifacts/${name}.png`, fullPage: true });
}
