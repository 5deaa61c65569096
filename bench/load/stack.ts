import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

const ROOT = resolve(__dirname, '../..');
const SERVER_MAIN = join(ROOT, 'server/dist/main.js');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A scratch MariaDB database for one run (`linli_load_<pid>_<n>`), dropped at the end. */
export class ScratchDatabase {
  private constructor(
    readonly adminUri: string,
    readonly name: string,
  ) {}

  static async create(baseUrl: string, n: number): Promise<ScratchDatabase> {
    const server = new URL(baseUrl.replace(/^mariadb:/, 'mysql:'));
    server.pathname = '/';
    const db = new ScratchDatabase(server.toString(), `linli_load_${process.pid}_${n}`);
    await db.admin(async (conn) => {
      await conn.query(`DROP DATABASE IF EXISTS \`${db.name}\``);
      await conn.query(`CREATE DATABASE \`${db.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    });
    return db;
  }

  /** The URL the servers get: mariadb:// selects TypeORM's MariaDB driver. */
  get serverUrl(): string {
    return `${this.adminUri.replace(/^mysql:/, 'mariadb:').replace(/\/$/, '')}/${this.name}`;
  }

  get sqlUri(): string {
    return `${this.adminUri.replace(/\/$/, '')}/${this.name}`;
  }

  async drop(): Promise<void> {
    await this.admin((conn) => conn.query(`DROP DATABASE IF EXISTS \`${this.name}\``));
  }

  private async admin<T>(work: (conn: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
    const conn = await createConnection({ uri: this.adminUri });
    try {
      return await work(conn);
    } finally {
      await conn.end();
    }
  }
}

/**
 * A redis-server of this run's own on a free port (never the machine's shared 6379), so the fault mode may kill
 * and restart it without touching anyone else.
 */
export class OwnRedis {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly log: WriteStream,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if (await portAnswers(this.port)) return;
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  /** kill -9, as a crashed Redis would go. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    await killHard(child);
  }
}

async function portAnswers(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface ServerSettings {
  databaseUrl: string;
  redisUrl: string;
  mediaDir: string;
  /** Extra environment for every process (pool size, rate limits...). */
  env: Record<string, string>;
}

/** One `node server/dist/main.js` on a fixed port (a restart comes back on the same one, as behind a real balancer). */
export class ServerProcess {
  private child: ChildProcess | null = null;
  restarts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly settings: ServerSettings,
    private readonly log: WriteStream,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** CPU seconds (user + system) the current process has used, from /proc (Linux); 0 when unknown. */
  cpuSeconds(): number {
    try {
      const stat = readFileSync(`/proc/${this.child?.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  }

  async start(options: { seed?: boolean; readyWithinMs?: number } = {}): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'linli-load-scenario-secret',
      PORT: String(this.port),
      DATABASE_URL: this.settings.databaseUrl,
      REDIS_URL: this.settings.redisUrl,
      MEDIA_DIR: this.settings.mediaDir,
      H5_DIR: '/nonexistent-h5',
      DEV_LOGIN: 'true',
      SEED_ON_START: options.seed ? 'true' : 'false',
      LOG_LEVEL: 'warn',
      ...this.settings.env,
    };
    const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.log.write(`\n--- ${this.name} started (pid ${child.pid}) at ${new Date().toISOString()}\n`);
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    const until = Date.now() + (options.readyWithinMs ?? 180_000);
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}) while starting; see the server log`);
      try {
        const res = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} did not answer /api/health in time`);
  }

  /** kill -9: no draining, in-flight requests and sockets cut. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (await killHard(child)) this.log.write(`\n--- ${this.name} killed with SIGKILL at ${new Date().toISOString()}\n`);
  }

  /** SIGTERM, waiting for the process's own drain (bounded by SHUTDOWN_GRACE_MS), SIGKILL as a last resort. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(late);
  }
}

/** Everything one run starts: database, Redis, server processes, a media folder and the log they share. */
export class Stack {
  readonly servers: ServerProcess[] = [];
  private constructor(
    readonly db: ScratchDatabase,
    readonly redis: OwnRedis,
    readonly dir: string,
    readonly logPath: string,
    private readonly log: WriteStream,
  ) {}

  static async start(options: { databaseBaseUrl: string; processes: number; run: number; env: Record<string, string> }): Promise<Stack> {
    const dir = mkdtempSync(join(tmpdir(), 'linli-load-'));
    const logPath = join(dir, 'servers.log');
    const log = createWriteStream(logPath);
    const db = await ScratchDatabase.create(options.databaseBaseUrl, options.run);
    const redis = new OwnRedis(await freePort(), log);
    const stack = new Stack(db, redis, dir, logPath, log);
    try {
      await redis.start();
      const settings: ServerSettings = { databaseUrl: db.serverUrl, redisUrl: redis.url, mediaDir: join(dir, 'media'), env: options.env };
      for (let i = 0; i < options.processes; i++) {
        stack.servers.push(new ServerProcess(`server-${i + 1}`, await freePort(), settings, log));
      }
      // The first process migrates and seeds the demo district; the others start on the finished schema.
      await stack.servers[0].start({ seed: true });
      await Promise.all(stack.servers.slice(1).map((s) => s.start()));
      return stack;
    } catch (error) {
      await stack.stop().catch(() => undefined);
      throw error;
    }
  }

  async stop(keepLog = false): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    await this.redis.kill();
    await this.db.drop();
    await new Promise((r) => this.log.end(r));
    if (!keepLog) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** SIGKILL to a child still running, resolved once it has gone; false when there was nothing to kill. */
async function killHard(child: ChildProcess | null): Promise<boolean> {
  if (!child || child.exitCode !== null) return false;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
  return true;
}
