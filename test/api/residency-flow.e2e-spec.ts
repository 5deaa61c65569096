import type { MeResponse, ResidencyReviewItem } from '@linli/shared';
import { RoleGrant } from '../../server/src/users/role-grant.entity';
import { createOrgTree, createUser, OrgTree } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('residency: apply, review, become a resident', () => {
  let t: TestApp;
  let org: OrgTree;
  let committeeToken: string;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
    org = await createOrgTree(t.dataSource, { names: { street: '洪桥街道', community: '小北社区' } });
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: org.community.id }] });
    committeeToken = await t.tokenFor(committee.id);
  });
  afterAll(async () => t?.close());

  const application = (overrides: Record<string, unknown> = {}) => ({
    communityId: org.community.id,
    building: '3栋',
    unit: '2单元',
    room: `${Math.floor(Math.random() * 9000) + 1000}`,
    relation: 'owner',
    exclusiveArea: 89.37,
    realName: '陈美玲',
    ...overrides,
  });

  it('takes a new user from application to verified resident of the community', async () => {
    const user = await createUser(t.dataSource, { name: '微信用户' });
    const token = await t.tokenFor(user.id);
    const auth = { authorization: `Bearer ${token}` };

    const applied = await t.request.post('/api/me/residencies').set(auth).send(application({ room: '1203' })).expect(201);
    expect(applied.body).toMatchObject({ status: 'pending', relation: 'owner', exclusiveArea: 89.37 });
    expect(applied.body.household).toMatchObject({ communityId: org.community.id, communityName: '小北社区', building: '3栋', room: '1203' });

    const before = (await t.request.get('/api/me').set(auth).expect(200)).body as MeResponse;
    expect(before.community).toBeNull();
    expect(before.residencies).toHaveLength(1);

    const pending = (await t.request.get(`/api/communities/${org.community.id}/residencies?status=pending`).set('authorization', `Bearer ${committeeToken}`).expect(200))
      .body as ResidencyReviewItem[];
    const item = pending.find((p) => p.id === applied.body.id);
    expect(item?.applicant).toMatchObject({ id: user.id, realName: '陈美玲' });

    const reviewed = await t.request
      .post(`/api/residencies/${applied.body.id}/review`)
      .set('authorization', `Bearer ${committeeToken}`)
      .send({ approve: true, note: '已核对房产证' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ status: 'verified', reviewNote: '已核对房产证' });

    const after = (await t.request.get('/api/me').set(auth).expect(200)).body as MeResponse;
    expect(after.community).toEqual({ id: org.community.id, name: '小北社区', streetName: '洪桥街道' });
    expect(after.grants).toContainEqual({ role: 'resident', scopeKind: 'community', scopeId: org.community.id, scopeLabel: '洪桥街道 · 小北社区' });

    const stillPending = (await t.request.get(`/api/communities/${org.community.id}/residencies`).set('authorization', `Bearer ${committeeToken}`).expect(200))
      .body as ResidencyReviewItem[];
    expect(stillPending.some((p) => p.id === applied.body.id)).toBe(false);
  });

  it('refuses to review the same application twice', async () => {
    const user = await createUser(t.dataSource);
    const applied = await t.request.post('/api/me/residencies').set('authorization', `Bearer ${await t.tokenFor(user.id)}`).send(application()).expect(201);
    const review = () => t.request.post(`/api/residencies/${applied.body.id}/review`).set('authorization', `Bearer ${committeeToken}`);
    await review().send({ approve: true }).expect(200);
    const again = await review().send({ approve: false }).expect(409);
    expect(again.body.error).toBe('conflict');
    expect(await t.dataSource.getRepository(RoleGrant).countBy({ userId: user.id, role: 'resident' })).toBe(1);
  });

  it('answers 409 to a second application for the same flat and puts two people in one household', async () => {
    const first = await createUser(t.dataSource);
    const second = await createUser(t.dataSource);
    const flat = application({ room: '0808', relation: 'tenant', exclusiveArea: undefined });
    const a = await t.request.post('/api/me/residencies').set('authorization', `Bearer ${await t.tokenFor(first.id)}`).send(flat).expect(201);
    const dup = await t.request.post('/api/me/residencies').set('authorization', `Bearer ${await t.tokenFor(first.id)}`).send(flat).expect(409);
    expect(dup.body.error).toBe('conflict');
    const b = await t.request.post('/api/me/residencies').set('authorization', `Bearer ${await t.tokenFor(second.id)}`).send({ ...flat, building: ' 3栋 ' }).expect(201);
    expect(b.body.household.id).toBe(a.body.household.id);
  });

  it('requires an area from owners and refuses one from tenants', async () => {
    const user = await createUser(t.dataSource);
    const auth = { authorization: `Bearer ${await t.tokenFor(user.id)}` };
    const owner = await t.request.post('/api/me/residencies').set(auth).send(application({ exclusiveArea: undefined })).expect(400);
    expect(owner.body.details[0].field).toBe('exclusiveArea');
    await t.request.post('/api/me/residencies').set(auth).send(application({ exclusiveArea: 0 })).expect(400);
    await t.request.post('/api/me/residencies').set(auth).send(application({ relation: 'tenant', exclusiveArea: 60 })).expect(400);
  });

  it('answers 404 for an application to a community that does not exist', async () => {
    const user = await createUser(t.dataSource);
    await t.request.post('/api/me/residencies').set('authorization', `Bearer ${await t.tokenFor(user.id)}`).send(application({ communityId: 987654 })).expect(404);
  });

  it('lets a visitor not apply at all', async () => {
    await t.request.post('/api/me/residencies').send(application()).expect(401);
  });
});
