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
 * Each run sends a fixed number of requests and reads the server process's CPU time before and after, so the
 * figure is CPU time per request (what a core can serve), which other work on a shared machine disturbs far
 * less than requests per second; requests per second are printed beside it.
 * Target: the app's CPU cost per request is at most 1/0.7 of the baseline's (it serves ≥ 0.7× the requests a
 * core can serve), on both routes; medians of alternating rounds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 10;
const TARGET = 0.7;

interface Served {
  appPort: number;
  barePort: number;
  bareNestPort: number;
  token: string;
  caseId: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface RunFigures {
  /** Server CPU time per request, µs. */
  cpuMicros: number;
  perSecond: number;
}

async function serverCpuMicros(port: number): Promise<number> {
  return ((await (await fetch(`http://127.0.0.1:${port}/__cpu`)).json()) as { micros: number }).micros;
}

async function measure(url: string, headers: Record<string, string>, amount: number, cpuPort: number): Promise<RunFigures> {
  const before = await serverCpuMicros(cpuPort);
  const result = await autocannon({ url, connections: CONNECTIONS, amount, headers });
  const after = await serverCpuMicros(cpuPort);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { cpuMicros: (after - before) / amount, perSecond: result.requests.average };
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
      { name: 'GET /api/health', path: '/api/health', headers: {}, amount: 20_000 },
      { name: 'GET /api/cases/:id', path: `/api/cases/${served.caseId}`, headers: auth, amount: 4_000 },
    ];
    // BENCH_ROUTE=health (or any part of a route's name) measures only the routes that match.
    const only = process.env.BENCH_ROUTE;
    if (only) routes.splice(0, routes.length, ...routes.filter((r) => r.name.includes(only)));
    const run = (port: number, route: (typeof routes)[number]) => measure(`http://127.0.0.1:${port}${route.path}`, route.headers, route.amount, served.barePort);
    // Warm-up: JIT, statement caches, connection pools.
    for (const route of routes) {
      for (const port of [served.appPort, served.barePort, served.bareNestPort]) await run(port, route);
    }
    const missed: string[] = [];
    for (const route of routes) {
      const app: RunFigures[] = [];
      const bare: RunFigures[] = [];
      const bareNest: RunFigures[] = [];
      const sides = [
        async () => app.push(await run(served.appPort, route)),
        async () => bare.push(await run(served.barePort, route)),
        async () => bareNest.push(await run(served.bareNestPort, route)),
      ];
      for (let round = 0; round < ROUNDS; round++) {
        // Rotating the order, so a noisy moment on a shared machine falls on every side alike.
        for (let i = 0; i < sides.length; i++) await sides[(round + i) % sides.length]();
      }
      const cpu = (figures: RunFigures[]) => median(figures.map((r) => r.cpuMicros));
      const perSecond = (figures: RunFigures[]) => median(figures.map((r) => r.perSecond)).toFixed(0);
      const ratio = cpu(bare) / cpu(app);
      process.stdout.write(
        `${route.name.padEnd(20)} CPU/request: app ${cpu(app).toFixed(0).padStart(5)} µs, bare Nest ${cpu(bareNest).toFixed(0).padStart(5)} µs, bare Fastify ${cpu(bare).toFixed(0).padStart(5)} µs` +
          ` → app ratio ${ratio.toFixed(2)} (target ≥ ${TARGET}), bare Nest ${(cpu(bare) / cpu(bareNest)).toFixed(2)}` +
          `   requests/s: app ${perSecond(app)}, bare Nest ${perSecond(bareNest)}, bare Fastify ${perSecond(bare)}\n`,
      );
      if (ratio < TARGET) missed.push(`${route.name}: ${ratio.toFixed(2)}`);
    }
    if (missed.length) throw new Error(`http-overhead: below ${TARGET}× of bare Fastify on ${missed.join('; ')}`);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
