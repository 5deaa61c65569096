/**
 * A second server process on the same database, configured for the same WeChat stand-in, that closes a poll
 * (and waits for its WeChat messages) or runs the subscription-message sweep when told to.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppConfig } from '../../server/src/config/app-config';
import type { SubscriptionSweepReport } from '../../server/src/wechat/subscription-sweep.service';

const ROOT = resolve(__dirname, '../..');

export class WechatSendingProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
  ) {}

  static async start(databaseUrl: string, wechat: Partial<AppConfig>): Promise<WechatSendingProcess> {
    const script = `
      require('reflect-metadata');
      const { createApp } = require(${JSON.stringify(join(ROOT, 'server/src/app.factory.ts'))});
      const { PollCloseService } = require(${JSON.stringify(join(ROOT, 'server/src/deliberations/poll-close.service.ts'))});
      const { PollResultSubscriptions } = require(${JSON.stringify(join(ROOT, 'server/src/wechat/poll-result-subscriptions.ts'))});
      const { SubscriptionSweep } = require(${JSON.stringify(join(ROOT, 'server/src/wechat/subscription-sweep.service.ts'))});
      const readline = require('node:readline');
      (async () => {
        const app = await createApp({
          ...JSON.parse(process.env.K_WECHAT), databaseUrl: process.env.K_DATABASE_URL, devLogin: false, seedOnStart: false, demo: false,
          logLevel: 'silent', h5Dir: '/nonexistent-h5', caseSweepSeconds: 0, mediaSweepSeconds: 0, wechatSendSweepSeconds: 0,
        });
        const closer = app.get(PollCloseService);
        const results = app.get(PollResultSubscriptions);
        const sweep = app.get(SubscriptionSweep);
        console.log('ready');
        for await (const line of readline.createInterface({ input: process.stdin })) {
          const [cmd, arg] = line.split(' ');
          try {
            if (cmd === 'close') {
              const closed = await closer.closePoll(Number(arg));
              await results.idle();
              console.log('closed ' + closed);
            }
            if (cmd === 'sweep') console.log('swept ' + JSON.stringify(await sweep.sweepOnce(new Date(arg))));
          } catch (e) {
            console.log('failed ' + String(e && e.message));
          }
          if (cmd === 'exit') { await app.close(); process.exit(0); }
        }
      })().catch((e) => { console.log('failed ' + String(e && e.stack)); process.exit(1); });
    `;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: ROOT,
      env: {
        ...process.env,
        K_DATABASE_URL: databaseUrl,
        K_WECHAT: JSON.stringify(wechat),
        SWC_NODE_PROJECT: join(ROOT, 'bench/tsconfig.json'),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
      },
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const second = new WechatSendingProcess(child, lines);
    const first = await second.next();
    if (first !== 'ready') throw new Error(`second process did not start: ${first}`);
    return second;
  }

  /** Closes the poll there and waits for its messages; true when that process closed it. */
  async close(pollId: number): Promise<boolean> {
    this.child.stdin.write(`close ${pollId}\n`);
    const line = await this.next();
    if (!/^closed (true|false)$/.test(line)) throw new Error(`second process: ${line}`);
    return line === 'closed true';
  }

  async sweep(at: Date): Promise<SubscriptionSweepReport> {
    this.child.stdin.write(`sweep ${at.toISOString()}\n`);
    const line = await this.next();
    if (!line.startsWith('swept ')) throw new Error(`second process: ${line}`);
    return JSON.parse(line.slice('swept '.length)) as SubscriptionSweepReport;
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
