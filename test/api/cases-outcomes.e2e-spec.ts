import { CaseOutcome, CasePage } from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solidJpeg } from '../../server/src/media/image/test-images';
import { createSlaWorld, fire, seededCategory, SlaWorld } from './cases-sla-world';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('public case outcomes (GET /api/cases/outcomes)', () => {
  let t: TestApp;
  let mediaDir: string;
  let vending: Awaited<ReturnType<typeof seededCategory>>;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-outcomes-e2e-'));
    t = await startTestApp({ mediaDir, redisUrl: undefined });
    vending = await seededCategory(t.dataSource);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  async function upload(token: string, color: string): Promise<string> {
    const res = await t.request.post('/api/media/photos').set(auth(token)).attach('file', await solidJpeg(64, 48, color), { filename: 'p.jpg', contentType: 'image/jpeg' });
    if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** A report with a before-photo by a resident with a name and phone number nobody else has. */
  async function report(world: SlaWorld, tag: string, description = `垃圾桶满了没人清理 ${tag}`) {
    const reporter = await createUser(t.dataSource, { name: `欧阳${tag}`, phone: `1390000${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}` });
    const token = await t.tokenFor(reporter.id);
    const res = await t.request
      .post('/api/cases')
      .set(auth(token))
      .send({ clientKey: randomUUID(), photoIds: [await upload(token, '#884422')], ...world.centre, description, categoryId: vending.category.id });
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { reporter, caseId: res.body.id as number };
  }

  async function resolveWithPhoto(world: SlaWorld, caseId: number, note: string) {
    const token = await t.tokenFor(world.worker.id);
    for (const action of ['accept', 'start']) expect((await t.request.post(`/api/cases/${caseId}/actions/${action}`).set(auth(token)).send({})).status).toBe(200);
    const res = await t.request.post(`/api/cases/${caseId}/actions/resolve`).set(auth(token)).send({ note, photoIds: [await upload(token, '#22aa44')] });
    expect(res.status).toBe(200);
  }

  it('answers 200 on /api/cases/outcomes to a visitor, not taking "outcomes" for a case id', async () => {
    const world = await createSlaWorld(t.dataSource);
    const res = await t.request.get(`/api/cases/outcomes?communityId=${world.community.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('shows a community’s resolved and closed cases with before and after photos and what was done, newest resolution first', async () => {
    const world = await createSlaWorld(t.dataSource);
    const first = await report(world, '甲');
    const second = await report(world, '乙');
    const open = await report(world, '丙');
    await resolveWithPhoto(world, first.caseId, '已清运，增加清运频次');
    await resolveWithPhoto(world, second.caseId, '已清理');
    await fire(t, second.caseId, 'rate_satisfied', { id: second.reporter.id, grants: [] }, { score: 5 });

    const res = await t.request.get(`/api/cases/outcomes?communityId=${world.community.id}`);
    expect(res.status).toBe(200);
    const page = res.body as CasePage<CaseOutcome>;
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).toEqual([second.caseId, first.caseId]);
    expect(page.items.map((i) => i.id)).not.toContain(open.caseId);
    const [closed, resolved] = page.items;
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已关闭', categoryName: vending.category.name, resolutionNote: '已清理', ratingScore: 5 });
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: '已清运，增加清运频次', ratingScore: null });
    expect(resolved.photos.before).toHaveLength(1);
    expect(resolved.photos.after).toHaveLength(1);
    expect(resolved.photos.after[0].url).toMatch(/^\/api\/media\//);
    // Whole seconds: MariaDB keeps the resolve time without fractions.
    expect(Date.parse(resolved.resolvedAt)).toBeGreaterThanOrEqual(Date.parse(resolved.createdAt) - 1000);
  });

  it('never shows a reporter’s or handler’s name or phone number', async () => {
    const world = await createSlaWorld(t.dataSource);
    const { reporter, caseId } = await report(world, '丁', '垃圾桶满了没人清理，可打我电话13912345678');
    await resolveWithPhoto(world, caseId, '已处理完毕，有问题请拨 020-83001234');
    const res = await t.request.get(`/api/cases/outcomes?communityId=${world.community.id}`).set(auth(await t.tokenFor(reporter.id)));
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(res.body.items[0].description).toBe('垃圾桶满了没人清理，可打我电话139****5678');
    expect(res.body.items[0].resolutionNote).toBe('已处理完毕，有问题请拨 020-****1234');
    expect(text).not.toContain('13912345678');
    for (const secret of [reporter.name, reporter.phone!, reporter.name.slice(1), world.worker.name]) expect(text).not.toContain(secret);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['address', 'categoryName', 'code', 'createdAt', 'description', 'id', 'photos', 'ratingScore', 'resolutionNote', 'resolvedAt', 'status', 'statusLabel'].sort(),
    );
  });

  it('lists only the asked community and pages through it', async () => {
    const world = await createSlaWorld(t.dataSource);
    const other = await createSlaWorld(t.dataSource);
    const mine = [await report(world, '戊'), await report(world, '己'), await report(world, '庚')];
    for (const { caseId } of mine) await resolveWithPhoto(world, caseId, '已处理');
    const theirs = await report(other, '辛');
    await resolveWithPhoto(other, theirs.caseId, '已处理');

    const pageOne = (await t.request.get(`/api/cases/outcomes?communityId=${world.community.id}&page=1&pageSize=2`)).body as CasePage<CaseOutcome>;
    const pageTwo = (await t.request.get(`/api/cases/outcomes?communityId=${world.community.id}&page=2&pageSize=2`)).body as CasePage<CaseOutcome>;
    expect(pageOne).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(pageOne.items).toHaveLength(2);
    expect(pageTwo.items).toHaveLength(1);
    expect([...pageOne.items, ...pageTwo.items].map((i) => i.id).sort()).toEqual(mine.map((m) => m.caseId).sort());
  });

  it('refuses a request without a community with the one error shape', async () => {
    const res = await t.request.get('/api/cases/outcomes');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
  });
});
