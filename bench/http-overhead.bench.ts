/**
 * HTTP overhead: what the app's own per-request stack (Nest routing, guards, pipes, interceptors, hooks,
 * request logging) costs on top of the work a request does.
 *
 * The server runs in a child process (bench/http-overhead/serve.ts) with production settings (request logging
 * at info, to a discarded stdout) on a SQLite file with the demo district. Beside the app, in the same process,
 * a bare Fastify server calls the same services directly: the baseline. autocannon (10 keep-alive connections)
 * alternates between the two, several rounds each, on:
 *  - GET /api/health (database and Redis state), and
 *  - GET /api/cases/:id as the reporter (a real read: the token checked, the user's grants loaded, the detail
 *    assembled from several tables).
 * Target: the app serves at least 0.7× the baseline's requests per second on both (medians of the rounds).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const ROUNDS = 5;
const SECONDS_PER_RUN = 3;
const CONNECTIONS = 10;
const TARGET = 0.7;

interface Served {
  appPort: number;
  barePort: number;
  token: string;
  caseId: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS_PER_RUN, headers });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.average;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-http-overhead-'));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'http-overhead', 'serve.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, BENCH_MEDIA_DIR: join(dir, 'media'), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const served = await new Promise<Served>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      // The app's request log shares stdout: read every line (so the pipe never fills), keep ours.
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.includes('"appPort"')) return;
        resolve(JSON.parse(line) as Served);
      });
    });
    const auth = { authorization: `Bearer ${served.token}` };
    const routes = [
      { name: 'GET /api/health', path: '/api/health', headers: {} },
      { name: 'GET /api/cases/:id', path: `/api/cases/${served.caseId}`, headers: auth },
    ];
    // Warm-up: JIT, statement caches, connection pools.
    for (const route of routes) {
      await requestsPerSecond(`http://127.0.0.1:${served.appPort}${route.path}`, route.headers);
      await requestsPerSecond(`http://127.0.0.1:${served.barePort}${route.path}`, route.headers);
    }
    const missed: string[] = [];
    for (const route of routes) {
      const app: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternating, so a noisy second on a shared machine falls on both sides alike.
        const first = round % 2 === 0;
        const a = () => requestsPerSecond(`http://127.0.0.1:${served.appPort}${route.path}`, route.headers).then((r) => app.push(r));
        const b = () => requestsPerSecond(`http://127.0.0.1:${served.barePort}${route.path}`, route.headers).then((r) => bare.push(r));
        if (first) await a().then(b);
        else await b().then(a);
      }
      const ratio = median(app) / median(bare);
      process.stdout.write(
        `${route.name.padEnd(22)} app ${median(app).toFixed(0).padStart(6)}/s   bare Fastify ${median(bare).toFixed(0).padStart(6)}/s   ` +
          `ratio ${ratio.toFixed(2)} (target ≥ ${TARGET})   rounds app [${app.map((x) => x.toFixed(0)).join(', ')}] bare [${bare.map((x) => x.toFixed(0)).join(', ')}]\n`,
      );
      if (ratio < TARGET) missed.push(`${route.name}: ${ratio.toFixed(2)}`);
    }
    if (missed.length) throw new Error(`http-overhead: below ${TARGET}× of bare Fastify on ${missed.join('; ')}`);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
