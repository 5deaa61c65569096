import type { SubmitReportRequest } from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../server/src/config/app-config';
import { TransactionRunner } from '../../server/src/database/transaction-runner';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import { solidJpeg } from '../../server/src/media/image/test-images';
import { createOrgTree, createUser, squareAround } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const POOL = 4;
const isMysql = /^(mysql|mariadb):\/\//.test(process.env.DATABASE_URL ?? '');

describe('a burst of reports on a small connection pool', () => {
  let t: TestApp;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-burst-e2e-'));
    t = await startTestApp({ mediaDir, redisUrl: undefined, databasePoolSize: POOL, databaseAcquireTimeoutMs: 1500 } as Partial<AppConfig>);
  });

  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  async function reportingWorld() {
    const tree = await createOrgTree(t.dataSource);
    const centre = { lng: 113.9, lat: 23.9 };
    await t.dataSource.getRepository(Grid).update(tree.grid.id, squareAround(centre.lng, centre.lat));
    const worker = await createUser(t.dataSource, { grants: [{ role: 'grid_worker', scopeId: tree.grid.id }] });
    for (let weekday = 0; weekday < 7; weekday++) {
      await t.dataSource.getRepository(DutyShift).insert({ gridId: tree.grid.id, communityId: tree.community.id, userId: worker.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    }
    return centre;
  }

  async function reporterWithPhoto(name: string) {
    const user = await createUser(t.dataSource, { name });
    const token = await t.tokenFor(user.id);
    const upload = await t.request.post('/api/media/photos').set(auth(token)).attach('file', await solidJpeg(32, 24, '#336699'), { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    return { token, photoId: upload.body.id as string };
  }

  const reportBody = (photoId: string, centre: { lng: number; lat: number }, i: number): SubmitReportRequest => ({
    clientKey: randomUUID(),
    photoIds: [photoId],
    lng: centre.lng,
    lat: centre.lat + i * 1e-5,
    description: `第${i}号：路灯不亮，晚上很黑`,
    address: '测试路',
  });

  it('answers every one of more concurrent reports than the pool has connections, and health still answers', async () => {
    const centre = await reportingWorld();
    const burst = 3 * POOL;
    const reporters = await Promise.all(Array.from({ length: burst }, (_, i) => reporterWithPhoto(`街坊${i}`)));

    const reports = reporters.map(({ token, photoId }, i) => t.request.post('/api/cases').set(auth(token)).send(reportBody(photoId, centre, i)).then((res) => res.status));
    const health = t.request.get('/api/health').then((res) => res.status);
    const statuses = await Promise.all(reports);
    // Three times the pool, each report a few short statements: every one is accepted, none waits forever.
    expect(statuses).toEqual(statuses.map(() => 201));
    expect(await health).toBe(200);
    // And the process is still healthy afterwards.
    expect((await t.request.get('/api/health')).status).toBe(200);
  });

  it('answers 503 with Retry-After when no connection frees up within the bound, writes nothing, and health still answers', async () => {
    const centre = await reportingWorld();
    const reporter = await reporterWithPhoto('等不到的街坊');
    const casesBefore = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
    // Every connection (MariaDB) or the one writer's turn (SQLite) taken by work that does not end yet.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const holders = isMysql
      ? await Promise.all(Array.from({ length: POOL }, async () => {
          const runner = t.dataSource.createQueryRunner();
          await runner.connect();
          return runner;
        }))
      : [];
    const heldWrite = isMysql ? null : t.app.get(TransactionRunner).run(() => gate);
    try {
      const res = await t.request.post('/api/cases').set(auth(reporter.token)).send(reportBody(reporter.photoId, centre, 0));
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'service_busy' });
      expect(res.headers['retry-after']).toBe('2');
      const health = await t.request.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.database.state).toBe(isMysql ? 'busy' : 'up');
    } finally {
      release();
      await heldWrite;
      await Promise.all(holders.map((runner) => runner.release()));
    }
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM cases')).toEqual(casesBefore);
    // Once connections are free again the same report goes through.
    const again = await t.request.post('/api/cases').set(auth(reporter.token)).send(reportBody(reporter.photoId, centre, 0));
    expect(again.status).toBe(201);
  });

  (isMysql ? it : it.skip)('refuses a second pooled connection asked for from inside a transaction, instead of waiting on it', async () => {
    const transactions = t.app.get(TransactionRunner);
    await expect(transactions.run(() => t.dataSource.query('SELECT 1'))).rejects.toThrow('requested inside a transaction');
    // The transaction's own manager is fine.
    await expect(transactions.run((m) => m.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });
});
