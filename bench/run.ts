/**
 * Runs every bench/*.bench.ts (or those whose name contains one of the arguments) one after another.
 * Each bench measures its subject and a baseline in the same run and prints both; a bench throws when
 * its subject gives wrong answers, which makes this runner exit non-zero.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}`);
  for (const file of files) {
    process.stdout.write(`\n=== ${file} ===\n`);
    const mod = await import(join(__dirname, file));
    const run = mod.default ?? mod.run;
    if (typeof run !== 'function') throw new Error(`${file} exports no run()`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
