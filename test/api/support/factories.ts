import type { Role, ScopeKind } from '@linli/shared';
import { ROLE_SCOPE } from '@linli/shared';
import { DataSource } from 'typeorm';
import { Community } from '../../../server/src/grids/community.entity';
import { District } from '../../../server/src/grids/district.entity';
import { Grid } from '../../../server/src/grids/grid.entity';
import { Street } from '../../../server/src/grids/street.entity';
import { Household } from '../../../server/src/residencies/household.entity';
import { Residency } from '../../../server/src/residencies/residency.entity';
import { RoleGrant } from '../../../server/src/users/role-grant.entity';
import { User } from '../../../server/src/users/user.entity';

/** Unique suffixes so a test's rows never collide with the seed or another test's. */
let sequence = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export interface OrgTree {
  district: District;
  street: Street;
  community: Community;
  grid: Grid;
}

/** The polygon and bounding box of a small square grid around a point (GCJ-02), as Grid columns. */
export function squareAround(lng: number, lat: number, half = 0.001) {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return { polygon: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), minLng: lng - half, minLat: lat - half, maxLng: lng + half, maxLat: lat + half };
}

/** district → street → community → grid; pass a district or street to hang the new branch under it. */
export async function createOrgTree(
  ds: DataSource,
  opts: { district?: District; street?: Street; names?: Partial<Record<'street' | 'community' | 'grid', string>> } = {},
): Promise<OrgTree> {
  const district = opts.street
    ? await ds.getRepository(District).findOneByOrFail({ id: opts.street.districtId })
    : (opts.district ?? (await ds.getRepository(District).save({ code: unique('D'), name: '测试区' })));
  const street = opts.street ?? (await ds.getRepository(Street).save({ code: unique('S'), name: opts.names?.street ?? '测试街道', districtId: district.id }));
  const community = await ds.getRepository(Community).save({ code: unique('C'), name: opts.names?.community ?? '测试社区', streetId: street.id });
  const grid = await ds.getRepository(Grid).save({
    code: unique('G'),
    name: opts.names?.grid ?? '第1网格',
    communityId: community.id,
    ...squareAround(113.27 + Math.random() / 100, 23.13 + Math.random() / 100),
  });
  return { district, street, community, grid };
}

export interface GrantSpec {
  role: Role;
  scopeId: number | null;
  scopeKind?: ScopeKind;
}

export async function createUser(
  ds: DataSource,
  opts: { name?: string; phone?: string | null; openid?: string | null; grants?: GrantSpec[] } = {},
): Promise<User> {
  const user = await ds.getRepository(User).save(
    ds.getRepository(User).create({ name: opts.name ?? '测试用户', phone: opts.phone ?? null, openid: opts.openid ?? null }),
  );
  for (const grant of opts.grants ?? []) await addGrant(ds, user.id, grant);
  return user;
}

export async function addGrant(ds: DataSource, userId: number, grant: GrantSpec): Promise<void> {
  await ds.getRepository(RoleGrant).insert({ userId, role: grant.role, scopeKind: grant.scopeKind ?? ROLE_SCOPE[grant.role], scopeId: grant.scopeId });
}

export async function removeGrants(ds: DataSource, userId: number): Promise<void> {
  await ds.getRepository(RoleGrant).delete({ userId });
}

export async function createResidency(
  ds: DataSource,
  opts: { userId: number; communityId: number; room?: string; status?: 'pending' | 'verified' | 'rejected' },
): Promise<Residency> {
  const household = await ds.getRepository(Household).save({ communityId: opts.communityId, gridId: null, building: '1栋', unit: '1单元', room: opts.room ?? unique('R') });
  return ds.getRepository(Residency).save(
    ds.getRepository(Residency).create({ userId: opts.userId, householdId: household.id, relation: 'tenant', exclusiveArea: null, status: opts.status ?? 'pending' }),
  );
}
