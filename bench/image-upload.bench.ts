/**
 * Image uploads under a burst: 16 concurrent uploads through the real HTTP endpoint (POST /api/media/photos)
 * into a fresh server process per mode, whose peak RSS (the kernel's high-water mark, process.resourceUsage()
 * .maxRSS) and CPU time are read afterwards, plus the wall time of the burst.
 *
 *   baseline   16 × a 12 MP phone photo (4000 × 3000 JPEG), the everyday upload
 *   bombs      16 × a ~290 KB PNG that decodes to 100 MP (10000 × 10000 RGB), with the limits on
 *   large      16 × a 39 MP photo (7200 × 5400 JPEG), just under the 40 MP limit
 *   unlimited  the same 16 bombs with the limits off (pixel limit at sharp's ceiling, 16 decoders): what
 *              the server did before, for comparison
 *
 * Memory is the burst's RSS high-water mark (sampled every 5 ms in the server) above the idle server's RSS;
 * the kernel's lifetime maxRSS is printed too but includes start-up. Medians of ROUNDS rounds, the order of the
 * modes rotating each round. Fails unless every bomb is refused (422 too_many_pixels, nothing stored), every
 * legitimate photo is stored, the bombs' RSS growth stays under BOMBS_MAX_GROWTH_MB and under the baseline's,
 * and the 39 MP burst's under LARGE_MAX_GROWTH_MB.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { MEDIA_MAX_PIXELS_CEILING } from '../server/src/config/app-config';
import { pngBomb } from '../server/src/media/image/test-images';
import type { ServerReply, ServerUsage } from './image-upload-server';

const ROUNDS = 3;
const BURST = 16;
/** Targets, as RSS growth over the idle server: bombs cost next to nothing; 16 × 39 MP stays within a small VM. */
const BOMBS_MAX_GROWTH_MB = 64;
const LARGE_MAX_GROWTH_MB = 512;

type ModeName = 'baseline' | 'bombs' | 'large' | 'unlimited';

interface Mode {
  name: ModeName;
  input: Buffer;
  filename: string;
  config: Record<string, unknown>;
}

interface Outcome {
  wallMs: number;
  usage: ServerUsage;
  statuses: number[];
  errors: string[];
  stored: { rows: number; files: number };
}

const MB = 1024 * 1024;

/** A photo-like JPEG (smooth noise, so it neither compresses to nothing nor exceeds the 10 MB upload limit). */
function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width: Math.round(width / 10), height: Math.round(height / 10), channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .resize(width, height, { kernel: 'cubic' })
    .jpeg({ quality: 85 })
    .toBuffer();
}

class Server {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly token: string,
  ) {}

  static async start(config: Record<string, unknown>): Promise<Server> {
    const child = fork(join(__dirname, 'image-upload-server.ts'), [], {
      env: {
        ...process.env,
        BENCH_APP_CONFIG: JSON.stringify(config),
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-secret-for-image-uploads',
        // As `npm run start:prod` runs the server: glibc's per-thread malloc arenas otherwise fragment under
        // libvips' threads (measured here: 16 × 12 MP grew RSS by ~340 MB with the default, ~185 MB with 2).
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await Server.reply(child, 'ready');
    return new Server(child, ready.port, ready.token);
  }

  private static reply<K extends ServerReply['kind']>(child: ChildProcess, kind: K): Promise<Extract<ServerReply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: ServerReply) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ServerReply, { kind: K }>);
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code}) before answering ${kind}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  async ask<K extends 'begun' | 'usage' | 'stored'>(kind: K): Promise<Extract<ServerReply, { kind: K }>> {
    const answer = Server.reply(this.child, kind);
    this.child.send(kind === 'begun' ? 'begin' : kind);
    return answer;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('exit');
    await exited;
  }
}

async function upload(server: Server, input: Buffer, filename: string): Promise<{ status: number; error?: string }> {
  const form = new FormData();
  form.append('file', new Blob([input]), filename);
  const res = await fetch(`http://127.0.0.1:${server.port}/api/media/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: form,
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, error: body.error };
}

async function runMode(mode: Mode): Promise<Outcome> {
  const server = await Server.start(mode.config);
  try {
    await server.ask('begun');
    const started = process.hrtime.bigint();
    const answers = await Promise.all(Array.from({ length: BURST }, () => upload(server, mode.input, mode.filename)));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const { usage } = await server.ask('usage');
    const { rows, files } = await server.ask('stored');
    return {
      wallMs,
      usage,
      statuses: answers.map((a) => a.status),
      errors: answers.flatMap((a) => (a.error ? [a.error] : [])),
      stored: { rows, files },
    };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n}×${status}`).join(' ');
}

export async function run(): Promise<void> {
  const [normal, bomb, large] = [await photo(4000, 3000), await pngBomb(10_000, 10_000, 'rgb'), await photo(7200, 5400)];
  const limitsOff = { mediaMaxPixels: MEDIA_MAX_PIXELS_CEILING, mediaProcessConcurrency: BURST, mediaProcessQueue: BURST };
  const modes: Mode[] = [
    { name: 'baseline', input: normal, filename: 'phone-12mp.jpg', config: {} },
    { name: 'bombs', input: bomb, filename: 'bomb-100mp.png', config: {} },
    { name: 'large', input: large, filename: 'photo-39mp.jpg', config: {} },
    { name: 'unlimited', input: bomb, filename: 'bomb-100mp.png', config: limitsOff },
  ];
  process.stdout.write(
    `inputs: 12 MP JPEG ${(normal.length / MB).toFixed(1)} MB, 100 MP PNG bomb ${(bomb.length / 1024).toFixed(0)} KB, ` +
      `39 MP JPEG ${(large.length / MB).toFixed(1)} MB; ${BURST} concurrent uploads a mode, ${ROUNDS} rounds\n`,
  );

  const results = new Map<ModeName, Outcome[]>(modes.map((m) => [m.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = modes.map((_, i) => modes[(i + round) % modes.length]);
    for (const mode of order) {
      const outcome = await runMode(mode);
      results.get(mode.name)!.push(outcome);
      const u = outcome.usage;
      process.stdout.write(
        `  round ${round + 1} ${mode.name.padEnd(9)} ${outcome.wallMs.toFixed(0).padStart(6)} ms wall, ${u.cpuMs.toFixed(0).padStart(6)} ms CPU, ` +
          `RSS ${(u.idleRssBytes / MB).toFixed(0)} → ${(u.burstPeakRssBytes / MB).toFixed(0)} MB (lifetime max ${(u.maxRssBytes / MB).toFixed(0)} MB); ${tally(outcome.statuses)}\n`,
      );
    }
  }

  const summary = (name: ModeName) => {
    const outcomes = results.get(name)!;
    return {
      wallMs: median(outcomes.map((o) => o.wallMs)),
      cpuMs: median(outcomes.map((o) => o.usage.cpuMs)),
      peakMb: median(outcomes.map((o) => o.usage.burstPeakRssBytes)) / MB,
      growthMb: median(outcomes.map((o) => o.usage.burstPeakRssBytes - o.usage.idleRssBytes)) / MB,
      maxRssMb: median(outcomes.map((o) => o.usage.maxRssBytes)) / MB,
      outcomes,
    };
  };
  const s = { baseline: summary('baseline'), bombs: summary('bombs'), large: summary('large'), unlimited: summary('unlimited') };
  process.stdout.write('\nmedians                          wall       CPU  peak RSS  above idle  lifetime maxRSS\n');
  for (const [name, label] of [
    ['baseline', '16 × 12 MP photo (baseline)'],
    ['bombs', '16 × 100 MP bomb, limits on'],
    ['large', '16 × 39 MP photo, limits on'],
    ['unlimited', '16 × 100 MP bomb, limits off'],
  ] as const) {
    const m = s[name];
    process.stdout.write(
      `  ${label.padEnd(28)} ${m.wallMs.toFixed(0).padStart(7)} ms ${m.cpuMs.toFixed(0).padStart(6)} ms ${m.peakMb.toFixed(0).padStart(6)} MB ` +
        `${m.growthMb.toFixed(0).padStart(8)} MB ${m.maxRssMb.toFixed(0).padStart(12)} MB\n`,
    );
  }

  const problems: string[] = [];
  for (const o of s.bombs.outcomes) {
    if (!o.statuses.every((status) => status === 422) || !o.errors.every((e) => e === 'too_many_pixels')) problems.push(`bombs answered ${tally(o.statuses)} (${[...new Set(o.errors)].join(', ')}), not 16 × 422 too_many_pixels`);
    if (o.stored.rows !== 0 || o.stored.files !== 0) problems.push(`bombs left ${o.stored.rows} rows and ${o.stored.files} files`);
  }
  for (const name of ['baseline', 'large'] as const) {
    for (const o of s[name].outcomes) {
      if (!o.statuses.every((status) => status === 201)) problems.push(`${name} answered ${tally(o.statuses)}, not 16 × 201`);
      if (o.stored.rows !== BURST) problems.push(`${name} stored ${o.stored.rows} rows, not ${BURST}`);
    }
  }
  if (s.bombs.growthMb > BOMBS_MAX_GROWTH_MB) problems.push(`bombs grew RSS by ${s.bombs.growthMb.toFixed(0)} MB, over the ${BOMBS_MAX_GROWTH_MB} MB target`);
  if (s.bombs.growthMb > s.baseline.growthMb) problems.push(`bombs grew RSS by ${s.bombs.growthMb.toFixed(0)} MB, more than the 12 MP baseline's ${s.baseline.growthMb.toFixed(0)} MB`);
  if (s.large.growthMb > LARGE_MAX_GROWTH_MB) problems.push(`16 × 39 MP grew RSS by ${s.large.growthMb.toFixed(0)} MB, over the ${LARGE_MAX_GROWTH_MB} MB target`);

  process.stdout.write(
    `\nbombs refused from their header: RSS grew ${(s.unlimited.growthMb / Math.max(1, s.bombs.growthMb)).toFixed(0)}× less and ` +
      `${(s.unlimited.cpuMs / Math.max(1, s.bombs.cpuMs)).toFixed(0)}× less CPU was spent than with the limits off\n`,
  );
  if (problems.length) throw new Error(`image-upload targets missed:\n  - ${problems.join('\n  - ')}`);
  process.stdout.write(`targets met: bombs refused and stored nothing, RSS growth ≤ ${BOMBS_MAX_GROWTH_MB} MB for bombs (and ≤ the baseline's), ≤ ${LARGE_MAX_GROWTH_MB} MB for 16 × 39 MP\n`);
}
