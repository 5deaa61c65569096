import sharp from 'sharp';
import { Crowd } from './crowd';
import { prepareDistrict } from './district';
import { injectFaults, type FaultEvent } from './faults';
import { HttpClient, phoneAddress } from './http-client';
import { Ledger, type Verdict } from './ledger';
import { Metrics, type RunSummary } from './metrics';
import { SocketCrowd, type CrowdMember, type SocketFigures } from './socket-crowd';
import { Stack } from './stack';

export interface ScenarioOptions {
  durationS: number;
  users: number;
  sockets: number;
  processes: number;
  fault: boolean;
  keepLog: boolean;
  deadlineMs: number;
  thinkMs: [number, number];
  databaseBaseUrl: string;
  /** Server environment for the run (rate limits raised for one IP, pool size…). */
  serverEnv: Record<string, string>;
}

export interface ScenarioResult {
  summary: RunSummary;
  verdict: Verdict;
  unknownWrites: number;
  sockets: SocketFigures;
  faults: FaultEvent[];
  healthAtEnd: string[];
  /** CPU seconds each server process used during the run (a restarted one: since its restart). */
  serverCpu: Array<{ name: string; seconds: number }>;
  logPath: string | null;
}

let runs = 0;

/** However slowly a killed process comes back, the crowd keeps going this long after the last fault is over. */
const AFTER_FAULTS_MS = 8000;

/** Photos as a phone sends them: a few distinct JPEGs of a modest size, made once per run. */
async function photos(): Promise<Buffer[]> {
  const colours = ['#6b7b8c', '#8c6b5a', '#5a8c6b', '#8c8c5a'];
  return Promise.all(
    colours.map((background, i) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background }, ...{} })
        .composite([{ input: Buffer.from(`<svg width="800" height="600"><circle cx="${200 + i * 100}" cy="300" r="120" fill="#ddd"/></svg>`) }])
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
}

async function inBatches<T>(items: T[], size: number, work: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

/** One run: its own database, Redis and server processes; the crowd for the duration; then the database check. */
export async function runScenario(o: ScenarioOptions, label: string, say: (line: string) => void): Promise<ScenarioResult> {
  const run = ++runs;
  say(`[${label}] starting MariaDB scratch database, Redis and ${o.processes} server process(es)…`);
  const stack = await Stack.start({ databaseBaseUrl: o.databaseBaseUrl, processes: o.processes, run, env: o.serverEnv });
  let failed = true;
  try {
    const ports = stack.servers.map((s) => s.port);
    const metrics = new Metrics();
    const http = new HttpClient(ports, metrics, o.deadlineMs);
    say(`[${label}] servers on ${ports.join(', ')}, Redis on ${stack.redis.port}, database ${stack.db.name}; signing in and opening the votes…`);
    const district = await prepareDistrict(http, stack.db.sqlUri);
    const ledger = new Ledger();
    const sockets = new SocketCrowd(ports);

    // The crowd: mostly residents, a sixth grid workers (the seeded roster has far fewer workers than clients, so
    // several clients share a worker, as a worker's phone and desk computer would).
    const workerClients = Math.max(1, Math.round(o.users / 6));
    const residentClients = o.users - workerClients;
    const residents = Array.from({ length: residentClients }, (_, i) => district.residents[i % district.residents.length]);
    const workers = Array.from({ length: workerClients }, (_, i) => district.workers[i % district.workers.length]);

    say(`[${label}] opening ${o.sockets} live connections…`);
    const members: CrowdMember[] = [];
    const forumRooms = (communityId: number | null) => {
      const forum = communityId === null ? undefined : district.forums.get(communityId);
      return forum ? [`poll:${forum.pollId}`, `bulletin:${forum.communityId}`] : [];
    };
    await inBatches(Array.from({ length: o.sockets }, (_, i) => i), 25, async (i) => {
      if (i % 6 === 5) {
        const w = district.workers[i % district.workers.length];
        await sockets.open(w.token, w.rooms);
      } else {
        const p = residents[i % residents.length] ?? district.residents[i % district.residents.length];
        members[i] = await sockets.open(p.token, forumRooms(p.communityId));
      }
    });

    const durationMs = o.durationS * 1000;
    const startedAt = Date.now();
    const crowd = new Crowd(http, district, ledger, sockets, await photos(), { thinkMs: o.thinkMs, endAt: startedAt + durationMs });
    const faults: FaultEvent[] = [];
    say(`[${label}] ${residentClients} residents and ${workerClients} grid-worker clients for ${o.durationS} s${o.fault ? ', with faults' : ''}…`);
    const cpuBefore = stack.servers.map((s) => ({ pid: s.pid, seconds: s.cpuSeconds() }));
    metrics.start();
    const actors = [
      ...residents.map((p, i) => crowd.resident(p, phoneAddress(i), members[i])),
      ...workers.map((w, i) => crowd.worker(w, phoneAddress(residents.length + i))),
      ...(o.fault
        ? [crowd.holdFor(injectFaults(stack, startedAt, durationMs, faults).then(() => sockets.markRecovered()), AFTER_FAULTS_MS)]
        : []),
    ];
    const ticker = setInterval(() => say(`[${label}]   ${Math.round((Date.now() - startedAt) / 1000)} s: ${http.inFlight} requests in flight`), 10_000);
    await Promise.all(actors);
    clearInterval(ticker);
    metrics.stop();
    const serverCpu = stack.servers.map((s, i) => ({ name: s.name, seconds: s.cpuSeconds() - (cpuBefore[i].pid === s.pid ? cpuBefore[i].seconds : 0) }));

    const healthAtEnd: string[] = [];
    for (const s of stack.servers) {
      const res = await fetch(`${s.base}/api/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.json()).catch((e: Error) => ({ error: e.message }));
      healthAtEnd.push(`${s.name}: ${JSON.stringify(res)}`);
    }
    sockets.close();
    http.close();
    const verdict = await ledger.verify(stack.db.sqlUri);
    const summary = metrics.summary(label);
    failed = summary.hung > 0 || verdict.lost.length > 0 || verdict.duplicated.length > 0;
    return { summary, verdict, unknownWrites: ledger.unknown, sockets: sockets.figures, faults, healthAtEnd, serverCpu, logPath: failed || o.keepLog ? stack.logPath : null };
  } finally {
    // On failure the server log stays for the reader; the database is dropped either way.
    await stack.stop(failed || o.keepLog);
  }
}
