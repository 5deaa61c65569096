import { Role, RoleGrant, ScopeKind } from './roles';

/**
 * The permission matrix: for each action, which roles may perform it and how far their grant reaches.
 * `any`  — the role may act wherever the resource is (e.g. a resident reading public data).
 * `scope` — the resource must lie inside the grant's scope (a worker's grid, a committee's community).
 * It is data, read by the server's one guard and by the mini-program to decide what to show.
 */
export type Reach = 'any' | 'scope';

export const PERMISSIONS = {
  'org.read': { visitor: 'any', resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  // Each person's own notifications (消息通知): the service only ever reads and marks the caller's.
  'notification.read': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'profile.read': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'residency.apply': { resident: 'any', party_member: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', district_admin: 'any' },
  'residency.review': { community_committee: 'scope', district_admin: 'scope' },
  'residents.list': { community_committee: 'scope', party_branch: 'scope', grid_worker: 'scope', district_admin: 'scope' },
  'roster.read': { grid_worker: 'scope', community_committee: 'scope', district_admin: 'scope' },
  'media.upload': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  // Volunteer service: everyone signed in takes part; committees and branches organise, review and export.
  'volunteer.participate': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'volunteer.organise': { community_committee: 'scope', party_branch: 'scope', district_admin: 'scope' },
  'volunteer.party.review': { party_branch: 'scope', community_committee: 'scope', district_admin: 'scope' },
  'volunteer.community.read': { community_committee: 'scope', party_branch: 'scope', district_admin: 'scope' },
  'points.read': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  // Snap-and-report: every signed-in person reports and follows; who may see or act on one case is decided
  // per case by the case service (reporter, followers, its handlers, the community's committee, admins).
  'case.report': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'case.read': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'case.act': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'case.inbox': { grid_worker: 'any', department_staff: 'any', community_committee: 'any', district_admin: 'any' },
  // Deliberation and voting: everyone reads the public side; taking part needs a verified residency in scope,
  // which the deliberation service checks per topic. The party branch reviews topics, the committee runs them.
  'deliberation.read': { visitor: 'any', resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'deliberation.participate': { resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  'deliberation.review': { party_branch: 'scope', district_admin: 'scope' },
  'deliberation.manage': { community_committee: 'scope', district_admin: 'scope' },
  // Case outcomes are public (办理结果公开): anyone, visitors too, sees resolved cases without names.
  'case.outcomes': { visitor: 'any', resident: 'any', grid_worker: 'any', department_staff: 'any', community_committee: 'any', party_branch: 'any', party_member: 'any', district_admin: 'any' },
  // Case figures: a committee for its community, a district administrator for the district.
  'case.figures': { community_committee: 'scope', district_admin: 'scope' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof PERMISSIONS;

/** Where a resource sits in the administrative tree; any level may be unknown (undefined). */
export interface ResourceLocation {
  districtId?: number;
  streetId?: number;
  communityId?: number;
  gridId?: number;
  departmentId?: number;
}

const SCOPE_FIELD: Record<Exclude<ScopeKind, 'none'>, keyof ResourceLocation> = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
  department: 'departmentId',
};

/** Whether one grant covers a location: a district grant covers everything in its district, and so on down. */
export function grantCovers(grant: RoleGrant, location: ResourceLocation): boolean {
  if (grant.scopeKind === 'none' || grant.scopeId === null) return false;
  const field = SCOPE_FIELD[grant.scopeKind];
  return location[field] === grant.scopeId;
}

/** Roles that may take an action at all, whatever the resource (used to show or hide UI). */
export function rolesFor(action: Action): Role[] {
  return Object.keys(PERMISSIONS[action]) as Role[];
}

/**
 * Whether someone with these grants may take the action. Without a location only `any` reach
 * or the mere holding of a scoped role is checked; services then pass the location of the resource.
 */
export function isAllowed(grants: RoleGrant[], action: Action, location?: ResourceLocation): boolean {
  const rule = PERMISSIONS[action] as Partial<Record<Role, Reach>>;
  const effective: RoleGrant[] = grants.length ? grants : [{ role: 'visitor', scopeKind: 'none', scopeId: null }];
  return effective.some((grant) => {
    const reach = rule[grant.role];
    if (!reach) return false;
    if (reach === 'any') return true;
    if (!location) return true;
    return grantCovers(grant, location);
  });
}
