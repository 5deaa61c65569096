import type { DevUserOption, MeResponse } from '@linli/shared';
import { startTestApp, TestApp } from './support/test-app';

describe('development sign-in on the demo district', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('offers a handful of seeded users per role, each with where they act', async () => {
    const options = (await t.request.get('/api/auth/dev-users').expect(200)).body as DevUserOption[];
    const roles = new Set(options.map((o) => o.role));
    for (const role of ['district_admin', 'community_committee', 'grid_worker', 'resident']) expect(roles.has(role as never)).toBe(true);
    for (const role of roles) expect(options.filter((o) => o.role === role).length).toBeLessThanOrEqual(4);
    const committee = options.find((o) => o.role === 'community_committee');
    expect(committee?.scopeLabel).toMatch(/街道 · .+社区$/);
  });

  it('signs in as a seeded district administrator by seed key', async () => {
    const token = await t.loginAs('admin');
    const me = (await t.request.get('/api/me').set('authorization', `Bearer ${token}`).expect(200)).body as MeResponse;
    expect(me.grants.some((g) => g.role === 'district_admin' && g.scopeLabel)).toBe(true);
  });
});
