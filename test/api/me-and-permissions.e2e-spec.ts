import type { MeResponse } from '@linli/shared';
import { JwtService } from '@nestjs/jwt';
import { User } from '../../server/src/users/user.entity';
import { addGrant, createOrgTree, createResidency, createUser, OrgTree, removeGrants } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('GET /api/me and the permission guard', () => {
  let t: TestApp;
  let home: OrgTree;
  let elsewhere: OrgTree;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
    home = await createOrgTree(t.dataSource, { names: { street: '洪桥街道', community: '小北社区', grid: '第3网格' } });
    elsewhere = await createOrgTree(t.dataSource, { district: home.district, names: { street: '北京街道', community: '盐运西社区' } });
  });
  afterAll(async () => t?.close());

  const me = async (token: string) => (await t.request.get('/api/me').set('authorization', `Bearer ${token}`).expect(200)).body as MeResponse;

  it('answers 401 to a visitor asking for a profile', async () => {
    const res = await t.request.get('/api/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'unauthenticated' });
  });

  it('shows a grid worker their grid with its street and community, and a masked phone', async () => {
    const worker = await createUser(t.dataSource, { name: '网格员小王', phone: '13800000001', grants: [{ role: 'grid_worker', scopeId: home.grid.id }] });
    const body = await me(await t.tokenFor(worker.id));
    expect(body.phoneMasked).toBe('138****0001');
    expect(body.grants).toContainEqual({ role: 'grid_worker', scopeKind: 'grid', scopeId: home.grid.id, scopeLabel: '洪桥街道 · 小北社区 · 第3网格' });
  });

  it('labels a committee grant with its street and community and a district grant with the district', async () => {
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] });
    const admin = await createUser(t.dataSource, { grants: [{ role: 'district_admin', scopeId: home.district.id }] });
    expect((await me(await t.tokenFor(committee.id))).grants[0]).toMatchObject({ role: 'community_committee', scopeLabel: '洪桥街道 · 小北社区' });
    expect((await me(await t.tokenFor(admin.id))).grants[0]).toMatchObject({ role: 'district_admin', scopeLabel: home.district.name });
  });

  it('names the community of the first verified residency as home', async () => {
    const resident = await createUser(t.dataSource, { grants: [{ role: 'resident', scopeId: elsewhere.community.id }] });
    await createResidency(t.dataSource, { userId: resident.id, communityId: home.community.id, status: 'pending' });
    await createResidency(t.dataSource, { userId: resident.id, communityId: elsewhere.community.id, status: 'verified' });
    const body = await me(await t.tokenFor(resident.id));
    expect(body.residencies.map((r) => r.status)).toEqual(['pending', 'verified']);
    expect(body.community).toEqual({ id: elsewhere.community.id, name: '盐运西社区', streetName: '北京街道' });
  });

  it('lets a committee list applications in its own community only', async () => {
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] });
    const token = await t.tokenFor(committee.id);
    await t.request.get(`/api/communities/${home.community.id}/residencies`).set('authorization', `Bearer ${token}`).expect(200);
    const res = await t.request.get(`/api/communities/${elsewhere.community.id}/residencies`).set('authorization', `Bearer ${token}`).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
  });

  it('stops a committee from reviewing a residency in another community', async () => {
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] });
    const applicant = await createUser(t.dataSource);
    const residency = await createResidency(t.dataSource, { userId: applicant.id, communityId: elsewhere.community.id });
    await t.request
      .post(`/api/residencies/${residency.id}/review`)
      .set('authorization', `Bearer ${await t.tokenFor(committee.id)}`)
      .send({ approve: true })
      .expect(403);
  });

  it('stops a resident from reviewing and a visitor from even trying', async () => {
    const resident = await createUser(t.dataSource, { grants: [{ role: 'resident', scopeId: home.community.id }] });
    const applicant = await createUser(t.dataSource);
    const residency = await createResidency(t.dataSource, { userId: applicant.id, communityId: home.community.id });
    await t.request
      .post(`/api/residencies/${residency.id}/review`)
      .set('authorization', `Bearer ${await t.tokenFor(resident.id)}`)
      .send({ approve: true })
      .expect(403);
    await t.request.post(`/api/residencies/${residency.id}/review`).send({ approve: true }).expect(401);
  });

  it('lets a district administrator review anywhere in the district', async () => {
    const admin = await createUser(t.dataSource, { grants: [{ role: 'district_admin', scopeId: home.district.id }] });
    const applicant = await createUser(t.dataSource);
    const residency = await createResidency(t.dataSource, { userId: applicant.id, communityId: elsewhere.community.id });
    const res = await t.request
      .post(`/api/residencies/${residency.id}/review`)
      .set('authorization', `Bearer ${await t.tokenFor(admin.id)}`)
      .send({ approve: false, note: '房号与房产证不符' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'rejected', reviewNote: '房号与房产证不符' });
  });

  it('answers 404 for a residency that does not exist, to someone who could review it', async () => {
    const admin = await createUser(t.dataSource, { grants: [{ role: 'district_admin', scopeId: home.district.id }] });
    await t.request.post('/api/residencies/987654/review').set('authorization', `Bearer ${await t.tokenFor(admin.id)}`).send({ approve: true }).expect(404);
  });

  it('takes a revoked role away on the very next request, with the same token', async () => {
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] });
    const token = await t.tokenFor(committee.id);
    const url = `/api/communities/${home.community.id}/residencies`;
    await t.request.get(url).set('authorization', `Bearer ${token}`).expect(200);
    await removeGrants(t.dataSource, committee.id);
    await t.request.get(url).set('authorization', `Bearer ${token}`).expect(403);
    await addGrant(t.dataSource, committee.id, { role: 'community_committee', scopeId: home.community.id });
    await t.request.get(url).set('authorization', `Bearer ${token}`).expect(200);
  });
  it('answers many callers arriving at once each by their own account and grants as stored at that moment', async () => {
    // Simultaneous requests share the read of accounts and grants; each must still get exactly its own.
    const url = `/api/communities/${home.community.id}/residencies`;
    const committees = await Promise.all([1, 2, 3].map(() => createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] })));
    const revoked = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: home.community.id }] });
    const otherCommittee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: elsewhere.community.id }] });
    const deleted = await createUser(t.dataSource);
    const tokens = {
      committees: await Promise.all(committees.map((u) => t.tokenFor(u.id))),
      revoked: await t.tokenFor(revoked.id),
      other: await t.tokenFor(otherCommittee.id),
      deleted: await t.tokenFor(deleted.id),
    };
    await removeGrants(t.dataSource, revoked.id);
    await t.dataSource.getRepository(User).delete({ id: deleted.id });
    const forged = new JwtService({ secret: 'not-the-server-secret' }).sign({ sub: String(committees[0].id) });

    const get = (token: string) => t.request.get(url).set('authorization', `Bearer ${token}`);
    const answers = await Promise.all([
      ...tokens.committees.map(get),
      get(tokens.revoked),
      get(tokens.other),
      get(tokens.deleted),
      get(forged),
      ...tokens.committees.map(get),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 403, 403, 401, 401, 200, 200, 200]);
    expect(answers[3].body.message).toBe('您没有权限进行此操作');
    expect(answers[4].body.message).toBe('这不在您负责的范围内');
    expect(answers[5].body.message).toBe('账号不存在，请重新登录');
    expect(answers[6].body.message).toBe('登录凭证无效，请重新登录');
  });
});
