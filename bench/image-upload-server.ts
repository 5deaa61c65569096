/**
 * The server process for image-upload.bench.ts: the real app (SQLite file, local media directory) on a loopback
 * port, one resident signed in. Driven over IPC: `begin` (answered `begun`) starts sampling its RSS every 5 ms,
 * `usage` stops and answers the burst's figures (so each mode's are its own process's), `stored` counts the
 * photos kept. The app's settings come as JSON in BENCH_APP_CONFIG.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../server/src/app.factory';
import { MediaFile } from '../server/src/media/media-file.entity';
import { User } from '../server/src/users/user.entity';

export interface ServerUsage {
  /** RSS after start-up, before the burst. */
  idleRssBytes: number;
  /** Highest RSS sampled between `begin` and `usage`. */
  burstPeakRssBytes: number;
  /** process.resourceUsage().maxRSS at the end: the kernel's high-water mark over the whole life, start-up included. */
  maxRssBytes: number;
  /** CPU time (user + system, all threads) spent between `begin` and `usage`. */
  cpuMs: number;
}

export type ServerReply =
  | { kind: 'ready'; port: number; token: string }
  | { kind: 'begun' }
  | { kind: 'usage'; usage: ServerUsage }
  | { kind: 'stored'; rows: number; files: number };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-upload-'));
  const mediaDir = join(dir, 'media');
  const app = await createApp({
    databaseUrl: `sqlite:${join(dir, 'bench.sqlite')}`,
    mediaDir,
    devLogin: true,
    seedOnStart: false,
    demo: false,
    logLevel: 'silent',
    h5Dir: '/nonexistent-h5',
    mediaSweepSeconds: 0,
    caseSweepSeconds: 0,
    wechatSendSweepSeconds: 0,
    redisUrl: undefined,
    ...JSON.parse(process.env.BENCH_APP_CONFIG ?? '{}'),
  });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  const dataSource = app.get(DataSource);
  const users = dataSource.getRepository(User);
  const resident = await users.save(users.create({ name: '基准居民' }));
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: resident.id }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const cpuMicros = () => {
    const usage = process.resourceUsage();
    return usage.userCPUTime + usage.systemCPUTime;
  };
  let idleRssBytes = 0;
  let peak = 0;
  let cpuAtBegin = 0;
  let sampler: NodeJS.Timeout | undefined;

  const send = (reply: ServerReply) => process.send?.(reply);
  process.on('message', async (message: string) => {
    if (message === 'begin') {
      idleRssBytes = peak = process.memoryUsage().rss;
      cpuAtBegin = cpuMicros();
      // Image work runs on libuv and libvips threads, so this timer keeps sampling while photos are decoded.
      sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      send({ kind: 'begun' });
    } else if (message === 'usage') {
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const usage: ServerUsage = { idleRssBytes, burstPeakRssBytes: peak, maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: (cpuMicros() - cpuAtBegin) / 1000 };
      send({ kind: 'usage', usage });
    } else if (message === 'stored') {
      const files = existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
      send({ kind: 'stored', rows: await dataSource.getRepository(MediaFile).count(), files });
    } else if (message === 'exit') {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  send({ kind: 'ready', port, token: accessToken });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
