/** Every role a person can hold. A visitor is anyone not signed in. */
export const ROLES = [
  'visitor',
  'resident',
  'grid_worker',
  'department_staff',
  'community_committee',
  'party_branch',
  'party_member',
  'district_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role grant is bounded to. A grid worker works in grids, a committee serves a community, … */
export type ScopeKind = 'none' | 'district' | 'street' | 'community' | 'grid' | 'department';

/** The scope kind each role is granted with (a resident's community comes from the verified household). */
export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  visitor: 'none',
  resident: 'community',
  grid_worker: 'grid',
  department_staff: 'department',
  community_committee: 'community',
  party_branch: 'community',
  party_member: 'community',
  district_admin: 'district',
};

export const ROLE_LABELS: Record<Role, string> = {
  visitor: '访客',
  resident: '居民',
  grid_worker: '网格员',
  department_staff: '职能部门',
  community_committee: '社区居委会',
  party_branch: '网格党支部',
  party_member: '党员',
  district_admin: '区管理员',
};

/** One grant of a role, bounded to a scope (scopeId is null for unscoped roles). */
export interface RoleGrant {
  role: Role;
  scopeKind: ScopeKind;
  scopeId: number | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
