import type { CaseActor, RoleGrant } from '@linli/shared';

/** What the actor and visibility rules need to know about a case. */
export interface CaseParties {
  reporterId: number;
  handlerUserId: number | null;
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  followerIds: readonly number[];
  /** Departments working the case now. */
  leadDepartmentId: number | null;
  coDepartmentIds: readonly number[];
}

/** Who is asking: a signed-in user and their grants. */
export interface CaseViewer {
  id: number;
  grants: readonly RoleGrant[];
}

const holds = (viewer: CaseViewer, role: RoleGrant['role'], scopeKind: RoleGrant['scopeKind'], scopeId: number | null) =>
  scopeId !== null && viewer.grants.some((g) => g.role === role && g.scopeKind === scopeKind && g.scopeId === scopeId);

/**
 * The roles a person plays in one case, most specific first. A community dispatcher is a grid worker granted
 * the whole community, a street office's dispatcher one granted the whole street (it takes the street's own
 * queue and the whistles blown in it); the community's committee and the district's administrators supervise.
 */
export function caseActorsOf(viewer: CaseViewer, parties: CaseParties): CaseActor[] {
  const actors: CaseActor[] = [];
  if (viewer.id === parties.reporterId) actors.push('reporter');
  // Workers of the case's grid share it; whoever holds the case (a dispatcher who took it too) works it.
  if (holds(viewer, 'grid_worker', 'grid', parties.gridId) || viewer.id === parties.handlerUserId) actors.push('grid_worker');
  if (
    holds(viewer, 'grid_worker', 'community', parties.communityId) ||
    holds(viewer, 'grid_worker', 'street', parties.streetId) ||
    holds(viewer, 'district_admin', 'district', parties.districtId)
  ) {
    actors.push('dispatcher');
  }
  if (holds(viewer, 'department_staff', 'department', parties.leadDepartmentId)) actors.push('department_staff');
  if (holds(viewer, 'community_committee', 'community', parties.communityId) || holds(viewer, 'district_admin', 'district', parties.districtId)) {
    actors.push('supervisor');
  }
  return actors;
}

/**
 * Who sees the whole case: the reporter, its handlers (grid worker, the community's dispatchers, staff of a lead
 * or co-handling department), the community's committee, the district's administrators. Residents who joined it
 * (我也遇到) see its public view only (caseViewKind); nobody else sees anything, not even other residents.
 */
export function seesWholeCase(viewer: CaseViewer, parties: CaseParties): boolean {
  if (viewer.id === parties.reporterId || viewer.id === parties.handlerUserId) return true;
  if (caseActorsOf(viewer, parties).length > 0) return true;
  return parties.coDepartmentIds.some((id) => holds(viewer, 'department_staff', 'department', id));
}

/** Who may see a case at all, whole or its public view: those who see it whole, and its followers. */
export function canViewCase(viewer: CaseViewer, parties: CaseParties): boolean {
  return seesWholeCase(viewer, parties) || parties.followerIds.includes(viewer.id);
}
