import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createScratchMysqlDatabase, type ScratchDatabase } from './support/mysql-database';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

interface Answer {
  status: number;
  body: string;
}

function read(res: IncomingMessage): Promise<Answer> {
  return new Promise((done) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => done({ status: res.statusCode ?? 0, body }));
  });
}

function get(port: number, path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => void read(res).then(done)).on('error', fail).end();
  });
}


/** A POST whose body arrives in two parts, so the request is in flight for as long as the test wants. */
function slowPost(port: number, path: string, body: string): { req: ClientRequest; answer: Promise<Answer>; finish(): void } {
  let req!: ClientRequest;
  const answer = new Promise<Answer>((done, fail) => {
    req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => void read(res).then(done),
    );
    req.on('error', fail);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { req, answer, finish: () => req.end(body.slice(half)) };
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

describe('shutting down on SIGTERM', () => {
  let dir: string;
  let scratch: ScratchDatabase | null = null;
  let databaseUrl: string;
  let child: ChildProcess | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linli-shutdown-'));
    const envUrl = process.env.DATABASE_URL;
    scratch = envUrl && /^(mysql|mariadb):\/\//.test(envUrl) ? await createScratchMysqlDatabase(envUrl) : null;
    databaseUrl = scratch?.url ?? `sqlite:${join(dir, 'linli.sqlite')}`;
  });

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function startServer(env: Record<string, string>): Promise<number> {
    const port = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(ROOT, 'bench/tsconfig.json'),
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        REDIS_URL: '',
        MEDIA_DIR: join(dir, 'media'),
        H5_DIR: join(dir, 'no-h5'),
        LOG_LEVEL: 'silent',
        DEV_LOGIN: 'true',
        ...env,
      },
      stdio: 'ignore',
    });
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode})`);
      const up = await get(port, '/api/health').catch(() => null);
      if (up?.status === 200) return port;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  }

  it('finishes the request in flight, serves nothing new, then exits 0', async () => {
    const port = await startServer({ SHUTDOWN_GRACE_MS: '20000' });
    const slow = slowPost(port, '/api/auth/dev', JSON.stringify({ userId: 987654321 }));
    await new Promise((r) => setTimeout(r, 200));
    const exited = exitOf(child!);
    child!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));

    // A new request is not served: its connection is refused (a balancer tries the next process), or, on a
    // connection still open, it is answered 503 shutting_down.
    const late = await get(port, '/api/org/communities').catch((error: NodeJS.ErrnoException) => String(error.code));
    if (typeof late === 'string') expect(late).toBe('ECONNREFUSED');
    else expect(JSON.parse(late.body)).toMatchObject({ statusCode: 503, error: 'shutting_down' });
    expect(child!.exitCode).toBeNull();

    slow.finish();
    // The request that was running gets its real answer (no such user), not a cut connection.
    const answer = await slow.answer;
    expect(answer.status).toBe(404);
    expect(await exited).toBe(0);
  });

  it('exits within the grace period even when a request never finishes', async () => {
    const port = await startServer({ SHUTDOWN_GRACE_MS: '1500' });
    const stuck = slowPost(port, '/api/auth/dev', JSON.stringify({ userId: 1 }));
    stuck.answer.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const exited = exitOf(child!);
    child!.kill('SIGTERM');
    expect(await exited).toBe(1);
    stuck.req.destroy();
  });
});
