import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../server/src/config/app-config';
import { Case } from '../../server/src/cases/entities/case.entity';
import { DeliberationTopic } from '../../server/src/deliberations/entities/topic.entity';
import { solidJpeg } from '../../server/src/media/image/test-images';
import { Residency } from '../../server/src/residencies/residency.entity';
import { createUser } from './support/factories';
import { inHours, Neighbourhood } from './support/neighbourhood';
import { startTestApp, TestApp } from './support/test-app';

/** A point inside the seeded district (越秀区). */
const YUEXIU = { lng: 113.2644, lat: 23.1291 };

describe('input hardening: what every write route refuses', () => {
  let t: TestApp;
  let n: Neighbourhood;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-input-e2e-'));
    t = await startTestApp({ mediaDir } as Partial<AppConfig>);
    n = await Neighbourhood.create(t);
  });

  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const topics = () => `/communities/${n.org.community.id}/topics`;

  describe('shapes the DTOs let through before', () => {
    it('refuses a topic without a scope, or with a scope that is an array, with 400 naming the field', async () => {
      const proposer = await n.resident();
      for (const scope of [undefined, null, [{ kind: 'community' }], 'community']) {
        const res = await n.post(proposer.token, topics(), { title: '楼道灯坏了', body: '三楼的灯不亮。', scope });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: 'validation_failed', details: expect.arrayContaining([expect.objectContaining({ field: 'scope' })]) });
      }
    });

    it('refuses a poll whose options are nested arrays or not objects', async () => {
      const proposer = await n.resident();
      const d = await n.deliberation(proposer);
      const poll = (options: unknown) =>
        n.post(n.committee.token, `/deliberations/${d.id}/polls`, { title: '充电桩放在哪里', type: 'single', options, opensAt: new Date().toISOString(), closesAt: inHours(2) });
      for (const options of [[[{ id: 'a', label: '东门' }], [{ id: 'b', label: '西门' }]], ['a', 'b'], [null, null], { id: 'a', label: '东门' }]) {
        const res = await poll(options);
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('validation_failed');
      }
    });

    it('refuses a body that is not a JSON object', async () => {
      const proposer = await n.resident();
      for (const body of ['[]', '"text"', '42', 'null', 'true']) {
        const res = await t.request.post(`/api${topics()}`).set('Authorization', `Bearer ${proposer.token}`).set('Content-Type', 'application/json').send(body);
        expect(res.status).toBe(400);
      }
    });
  });

  describe('numbers have domain bounds', () => {
    it('refuses an exclusive area outside 0 < a ≤ 10 000 m² or with more than 2 decimals, and stores one inside exactly', async () => {
      const user = await createUser(t.dataSource);
      const token = await t.tokenFor(user.id);
      const application = (exclusiveArea: unknown, room: string) => ({ communityId: n.org.community.id, building: '3栋', unit: '2单元', room, relation: 'owner', realName: '陈大文', exclusiveArea });
      for (const [i, area] of [99_999_999.99, 1e308, 10_000.01, 0, -5, 89.375].entries()) {
        const res = await t.request.post('/api/me/residencies').set('Authorization', `Bearer ${token}`).send(application(area, `90${i}`));
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'exclusiveArea' })]);
      }
      const ok = await t.request.post('/api/me/residencies').set('Authorization', `Bearer ${token}`).send(application(10_000, '999'));
      expect(ok.status).toBe(201);
      expect(Number((await t.dataSource.getRepository(Residency).findOneByOrFail({ id: ok.body.id })).exclusiveArea)).toBe(10_000);
    });

    it('refuses an activity capacity or check-in radius beyond its maximum', async () => {
      const start = new Date(Date.now() + 24 * 3600_000);
      const body = {
        title: '周末楼道清洁',
        themeCode: 'elder_meals',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        placeName: '社区党群服务中心',
      };
      for (const extra of [{ capacity: 1e9 }, { capacity: 2 ** 31 }, { capacity: 1001 }, { capacity: -1 }, { radiusMeters: 1e12 }, { radiusMeters: 2001 }]) {
        const res = await n.post(n.committee.token, `/communities/${n.org.community.id}/volunteer-activities`, { ...body, ...extra });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: Object.keys(extra)[0] })]);
      }
      // Inside the bounds, the domain rule still judges (and names its own code).
      const none = await n.post(n.committee.token, `/communities/${n.org.community.id}/volunteer-activities`, { ...body, capacity: 0 });
      expect(none.body.error).toBe('invalid_capacity');
    });
  });

  describe('places outside the district', () => {
    it('refuses a report at (0,0) or at lng −1 with 422 and a message a resident understands, and stores nothing', async () => {
      const reporter = await createUser(t.dataSource);
      const token = await t.tokenFor(reporter.id);
      const before = await t.dataSource.getRepository(Case).count();
      for (const point of [{ lng: 0, lat: 0 }, { lng: -1, lat: 23.13 }, { lng: 116.4, lat: 39.9 }]) {
        const upload = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await solidJpeg(64, 48, '#3366aa'), { filename: 'p.jpg', contentType: 'image/jpeg' });
        const res = await t.request
          .post('/api/cases')
          .set('Authorization', `Bearer ${token}`)
          .send({ clientKey: randomUUID(), photoIds: [upload.body.id], ...point, description: '路灯不亮' });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ error: 'outside_service_area', message: expect.stringContaining('不在本区服务范围内') });
      }
      expect(await t.dataSource.getRepository(Case).count()).toBe(before);
    });

    it('refuses to look for nearby cases outside the district, as the report would be', async () => {
      const token = await t.tokenFor((await createUser(t.dataSource)).id);
      const outside = await t.request.get('/api/cases/nearby?lng=0&lat=0').set('Authorization', `Bearer ${token}`);
      expect(outside.status).toBe(422);
      expect(outside.body.error).toBe('outside_service_area');
      const inside = await t.request.get(`/api/cases/nearby?lng=${YUEXIU.lng}&lat=${YUEXIU.lat}`).set('Authorization', `Bearer ${token}`);
      expect(inside.status).toBe(200);
    });

    it('refuses an activity place outside the district', async () => {
      const start = new Date(Date.now() + 24 * 3600_000);
      const res = await n.post(n.committee.token, `/communities/${n.org.community.id}/volunteer-activities`, {
        title: '周末楼道清洁',
        themeCode: 'elder_meals',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        placeName: '社区党群服务中心',
        place: { lng: 0, lat: 0 },
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('outside_service_area');
      const inside = await n.post(n.committee.token, `/communities/${n.org.community.id}/volunteer-activities`, {
        title: '周末楼道清洁',
        themeCode: 'elder_meals',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        placeName: '社区党群服务中心',
        place: YUEXIU,
      });
      expect(inside.status).toBe(201);
      const moved = await t.request.patch(`/api/volunteers/activities/${inside.body.id}`).set('Authorization', `Bearer ${n.committee.token}`).send({ place: { lng: -1, lat: 23.13 } });
      expect(moved.status).toBe(422);
      expect(moved.body.error).toBe('outside_service_area');
    });
  });

  describe('text', () => {
    it('refuses required text that is whitespace, zero-width or control characters alone', async () => {
      const proposer = await n.resident();
      for (const blank of ['   ', '\u3000\t\n', '\u200b\u200d\ufeff', '\u0000\u0007', '\u202e\u2066']) {
        const res = await n.post(proposer.token, topics(), { title: '楼道灯坏了', body: blank, scope: { kind: 'community' } });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'body' })]);
      }
    });

    it('stores text without NUL, other controls and bidi overrides, trimmed, keeping line breaks where text may have them', async () => {
      const proposer = await n.resident();
      const res = await n.post(proposer.token, topics(), {
        title: ' 楼道\u0000灯\u202e坏了\n请修 ',
        body: '\u200b三楼的灯\u0007不亮。\r\n\u2067已经一周了\u2069\t谢谢 ',
        scope: { kind: 'community' },
      });
      expect(res.status).toBe(201);
      const stored = await t.dataSource.getRepository(DeliberationTopic).findOneByOrFail({ id: res.body.id });
      expect(stored.title).toBe('楼道灯坏了 请修');
      expect(stored.body).toBe('三楼的灯不亮。\n已经一周了\t谢谢');
    });
  });

  describe('messages', () => {
    it('gives every field problem in Chinese, naming the field, with field + constraint + message', async () => {
      const proposer = await n.resident();
      const res = await n.post(proposer.token, topics(), { title: 'x'.repeat(101), body: 42, scope: { kind: 'street' }, extra: 1 });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'title', constraints: ['maxLength'], messages: ['标题不能超过 100 个字'] },
          expect.objectContaining({ field: 'body', constraints: expect.arrayContaining(['isString']) }),
          expect.objectContaining({ field: 'scope.kind', constraints: ['isIn'] }),
          expect.objectContaining({ field: 'extra', constraints: ['whitelistValidation'] }),
        ]),
      );
      for (const problem of res.body.details) for (const message of problem.messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});
