import { liveRoom, type CaseInboxScope, type RoleGrant } from '@linli/shared';

/**
 * The live rooms an inbox page listens to: the person's own inbox always; a department's for its staff; the
 * community's dispatch queue for its dispatchers (grid workers granted the community) and its committee; the
 * street office's for its dispatchers (grid workers granted the street). A page showing one scope listens only to
 * that scope's rooms (and the own inbox).
 */
export function inboxRoomsFor(user: { id: number; grants: readonly RoleGrant[] }, scope: CaseInboxScope | undefined): string[] {
  const rooms = [liveRoom('inbox:user', user.id)];
  for (const grant of user.grants) {
    if (grant.scopeId === null) continue;
    if (grant.role === 'department_staff' && (!scope || scope === 'department')) rooms.push(liveRoom('inbox:department', grant.scopeId));
    const watchesCommunity = grant.scopeKind === 'community' && (grant.role === 'grid_worker' || grant.role === 'community_committee');
    if (watchesCommunity && (!scope || scope === 'dispatch')) rooms.push(liveRoom('inbox:community', grant.scopeId));
    if (grant.role === 'grid_worker' && grant.scopeKind === 'street' && (!scope || scope === 'dispatch')) rooms.push(liveRoom('inbox:street', grant.scopeId));
  }
  return [...new Set(rooms)];
}
