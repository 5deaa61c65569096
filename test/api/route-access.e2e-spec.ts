import { rolesFor, type Role } from '@linli/shared';
import { Like } from 'typeorm';
import { RoleGrant } from '../../server/src/users/role-grant.entity';
import { User } from '../../server/src/users/user.entity';
import { createUser } from './support/factories';
import { ROUTE_ACCESS, type RouteAccess } from './support/route-access-matrix';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every route of the OpenAPI document, called by every kind of caller of the seeded demo district with a harmless
 * request (made-up ids, an empty body), against ROUTE_ACCESS: a caller the matrix lets in must get past the
 * authentication and permission guards (400, 404, 422… are fine: the dummy request got that far), one it keeps
 * out must get 401 (not signed in) or 403.
 */

/** A caller: the roles they hold (null: not signed in) and who they are in the seeded district. */
interface Caller {
  name: string;
  /** Every signed-in person is at least a resident of the platform (no scope), so `resident` is always here. */
  roles: Role[] | null;
  userId(t: TestApp): Promise<number | null>;
}

const seeded = (seedKey: string) => async (t: TestApp) => (await t.dataSource.getRepository(User).findOneByOrFail({ seedKey })).id;

const CALLERS: Caller[] = [
  { name: 'anonymous', roles: null, userId: async () => null },
  { name: 'signed-in, no verified residency', roles: ['resident'], userId: async (t) => (await createUser(t.dataSource, { name: '新用户' })).id },
  {
    name: 'verified resident',
    roles: ['resident'],
    userId: async (t) => {
      const grant = await t.dataSource.getRepository(RoleGrant).findOneOrFail({ where: { role: 'resident', scopeKind: 'community', user: { seedKey: Like('resident-%') } }, relations: { user: true }, order: { userId: 'ASC' } });
      return grant.userId;
    },
  },
  { name: 'grid worker', roles: ['grid_worker', 'resident'], userId: seeded('worker-g001') },
  { name: 'community dispatcher', roles: ['grid_worker', 'resident'], userId: seeded('dispatcher-c01') },
  { name: 'department staff', roles: ['department_staff', 'resident'], userId: seeded('staff-chengguan') },
  { name: 'community committee', roles: ['community_committee', 'resident'], userId: seeded('committee-c01') },
  { name: 'party branch', roles: ['party_branch', 'resident'], userId: seeded('branch-c01') },
  { name: 'party member', roles: ['party_member', 'resident'], userId: seeded('party-c01-01') },
  { name: 'district admin', roles: ['district_admin', 'resident'], userId: seeded('admin') },
];

/** Whether the matrix lets a caller with these roles through the door of a route. */
function mayCall(access: RouteAccess, roles: Role[] | null): boolean {
  if ('public' in access) return true;
  const allowed = rolesFor(access.permission);
  return roles === null ? allowed.includes('visitor') : roles.some((role) => allowed.includes(role));
}

/** The route with made-up values for its parameters: ids nobody has, so nothing real is touched. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, (param) => (/id\}$/i.test(param) ? '999999999' : 'nonexistent'));

describe('who may call which route (OpenAPI document × ROUTE_ACCESS)', () => {
  let t: TestApp;
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp({ caseSweepSeconds: 0 });
    const document = (await t.request.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every route of the OpenAPI document, and a route for every row', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect({
      routesWithoutRow: routes.filter((route) => !(route in ROUTE_ACCESS)),
      rowsWithoutRoute: Object.keys(ROUTE_ACCESS).filter((route) => !routes.includes(route)),
    }).toEqual({ routesWithoutRow: [], rowsWithoutRoute: [] });
  });

  it('seats each caller in the roles the matrix reads for them', async () => {
    for (const caller of CALLERS) {
      const userId = await caller.userId(t);
      if (userId === null) continue;
      const held = (await t.dataSource.getRepository(RoleGrant).findBy({ userId })).map((g) => g.role);
      expect({ caller: caller.name, roles: [...new Set([...held, 'resident'])].sort() }).toEqual({ caller: caller.name, roles: [...caller.roles!].sort() });
    }
  });

  for (const caller of CALLERS) {
    it(`lets ${caller.name} through exactly the routes the matrix opens to them`, async () => {
      const userId = await caller.userId(t);
      const token = userId === null ? null : await t.tokenFor(userId);
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r in ROUTE_ACCESS)) {
        const [method, path] = route.split(' ');
        let req = t.request[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concrete(path));
        if (token) req = req.set('Authorization', `Bearer ${token}`);
        const res = method === 'GET' ? await req : await req.send({});
        const expected = mayCall(ROUTE_ACCESS[route], caller.roles);
        const refused = res.status === 401 || res.status === 403;
        if (expected && refused) wrong.push(`${route}: refused with ${res.status} ${res.body?.error}, the matrix lets them in`);
        if (!expected && res.status !== (token ? 403 : 401)) wrong.push(`${route}: answered ${res.status}, the matrix keeps them out (${token ? 403 : 401})`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
