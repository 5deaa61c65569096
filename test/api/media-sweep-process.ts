/**
 * A second server process on the same database and media directory that runs the unclaimed-upload sweep when
 * told to, and tells which stored objects it removed (its StorageDriver is wrapped to record every delete).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { MediaSweepReport } from '../../server/src/media/unclaimed-media-sweep.service';

const ROOT = resolve(__dirname, '../..');

/** What one sweep in the second process did: its report, and the storage keys it deleted. */
export interface RemoteMediaSweep extends MediaSweepReport {
  deletedKeys: string[];
}

export class MediaSweepingProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
  ) {}

  static async start(databaseUrl: string, mediaDir: string): Promise<MediaSweepingProcess> {
    const script = `
      require('reflect-metadata');
      const { createApp } = require(${JSON.stringify(join(ROOT, 'server/src/app.factory.ts'))});
      const { UnclaimedMediaSweep } = require(${JSON.stringify(join(ROOT, 'server/src/media/unclaimed-media-sweep.service.ts'))});
      const { STORAGE_DRIVER } = require(${JSON.stringify(join(ROOT, 'server/src/media/storage/storage-driver.ts'))});
      const readline = require('node:readline');
      (async () => {
        const app = await createApp({
          databaseUrl: process.env.K_DATABASE_URL, mediaDir: process.env.K_MEDIA_DIR, devLogin: false, seedOnStart: false, demo: false,
          logLevel: 'silent', h5Dir: '/nonexistent-h5', caseSweepSeconds: 0, mediaSweepSeconds: 0,
        });
        const storage = app.get(STORAGE_DRIVER);
        let deletedKeys = [];
        const remove = storage.delete.bind(storage);
        storage.delete = (key) => { deletedKeys.push(key); return remove(key); };
        const sweep = app.get(UnclaimedMediaSweep);
        console.log('ready');
        for await (const line of readline.createInterface({ input: process.stdin })) {
          const [cmd, at] = line.split(' ');
          if (cmd === 'sweep') {
            deletedKeys = [];
            try { console.log('swept ' + JSON.stringify({ ...(await sweep.sweepOnce(new Date(at))), deletedKeys })); } catch (e) { console.log('failed ' + String(e && e.message)); }
          }
          if (cmd === 'exit') { await app.close(); process.exit(0); }
        }
      })().catch((e) => { console.log('failed ' + String(e && e.stack)); process.exit(1); });
    `;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, K_DATABASE_URL: databaseUrl, K_MEDIA_DIR: mediaDir, SWC_NODE_PROJECT: join(ROOT, 'bench/tsconfig.json'), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const second = new MediaSweepingProcess(child, lines);
    const first = await second.next();
    if (first !== 'ready') throw new Error(`second process did not start: ${first}`);
    return second;
  }

  async sweep(at: Date): Promise<RemoteMediaSweep> {
    this.child.stdin.write(`sweep ${at.toISOString()}\n`);
    const line = await this.next();
    if (!line.startsWith('swept ')) throw new Error(`second process: ${line}`);
    return JSON.parse(line.slice('swept '.length)) as RemoteMediaSweep;
  }

  async stop(): Promise<void> {
    this.child.stdin.write('exit\n');
    await new Promise((done) => this.child.once('exit', done));
  }

  private async next(): Promise<string> {
    const { value, done } = await this.lines.next();
    return done ? 'exited' : value;
  }
}
