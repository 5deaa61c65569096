import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../../..');

/**
 * JavaScript source of a function `(app, load) => commands`: given the second process's Nest app and `load(path)`
 * (require of a repository path, e.g. 'server/src/cases/sla-sweep.service.ts'), it may prepare the app and returns
 * an object of `async (arg: string) => result` commands; each result is sent back as JSON.
 */
export type CommandsSource = string;

interface Reply {
  id: number;
  ok?: unknown;
  error?: string;
}

/**
 * A second server process on the same database (its own app, its own connections), driven over stdin/stdout,
 * for tests of what must happen once however many processes try: sweeps, closes, sends. Commands may overlap;
 * each reply carries the id of its request.
 */
export class SecondServer {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  /** Starts the process with the app configured by `config` (sweep timers off unless given) and waits until it is ready. */
  static async start(config: Record<string, unknown>, commands: CommandsSource): Promise<SecondServer> {
    const script = `
      require('reflect-metadata');
      const { join } = require('node:path');
      const readline = require('node:readline');
      const { createApp } = require(${JSON.stringify(join(ROOT, 'server/src/app.factory.ts'))});
      const load = (path) => require(join(${JSON.stringify(ROOT)}, path));
      (async () => {
        const app = await createApp({
          devLogin: false, seedOnStart: false, demo: false, logLevel: 'silent', h5Dir: '/nonexistent-h5',
          caseSweepSeconds: 0, mediaSweepSeconds: 0, wechatSendSweepSeconds: 0,
          ...JSON.parse(process.env.K_CONFIG),
        });
        const commands = await (${commands})(app, load);
        console.log(JSON.stringify({ id: 0, ok: 'ready' }));
        for await (const line of readline.createInterface({ input: process.stdin })) {
          const [id, name, ...rest] = line.split(' ');
          if (name === 'exit') { await app.close(); process.exit(0); }
          Promise.resolve()
            .then(() => commands[name](rest.join(' ')))
            .then(
              (ok) => console.log(JSON.stringify({ id: Number(id), ok: ok === undefined ? null : ok })),
              (e) => console.log(JSON.stringify({ id: Number(id), error: String((e && e.message) || e) })),
            );
        }
      })().catch((e) => { console.log(JSON.stringify({ id: 0, error: String(e && e.stack) })); process.exit(1); });
    `;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, K_CONFIG: JSON.stringify(config), SWC_NODE_PROJECT: join(ROOT, 'bench/tsconfig.json'), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    });
    const second = new SecondServer(child);
    const ready = second.expect(0);
    second.listen();
    await ready;
    return second;
  }

  /** Runs a command there; resolves with its JSON result, rejects with its error. */
  ask<T = unknown>(name: string, arg: string | number = ''): Promise<T> {
    const id = ++this.next;
    const answer = this.expect(id) as Promise<T>;
    this.child.stdin.write(`${id} ${name} ${arg}\n`);
    return answer;
  }

  async stop(): Promise<void> {
    this.child.stdin.write('0 exit\n');
    await this.exited;
  }

  private expect(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  private listen(): void {
    const fail = (error: Error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        return; // something else printed to stdout
      }
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(`second process: ${reply.error}`));
      else waiter.resolve(reply.ok);
    });
    this.child.once('exit', (code) => fail(new Error(`second process exited (${code})`)));
  }
}
