import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The browser suite needs Chromium and the H5 build. Without Chromium a developer's run skips the
 * suite with a loud notice; CI sets REQUIRE_BROWSER=1, which turns the absence into a failure.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.REQUIRE_BROWSER) throw new Error(`Chromium not found at ${chromium} (apt-get install chromium)`);
    process.env.LINLI_BROWSER_SKIP = `Chromium not found at ${chromium}; browser tests skipped (apt-get install chromium to run them)`;
    // eslint-disable-next-line no-console
    console.warn(`\n*** ${process.env.LINLI_BROWSER_SKIP} ***\n`);
    return;
  }
  process.env.CHROMIUM_PATH = chromium;
  const root = join(__dirname, '..', '..');
  const built = join(root, 'miniapp', 'dist', 'h5', 'index.html');
  if (!existsSync(built) || process.env.REBUILD_H5) {
    execSync('npm run build:h5 -w miniapp', { cwd: root, stdio: 'inherit' });
  }
}
