import type { RoleGrant } from '@linli/shared';
import { inboxRoomsFor } from './inbox-rooms';

const grant = (role: RoleGrant['role'], scopeKind: RoleGrant['scopeKind'], scopeId: number | null): RoleGrant => ({ role, scopeKind, scopeId }) as RoleGrant;

describe('inboxRoomsFor', () => {
  it('always listens to the own inbox; a grid worker of one grid to nothing else', () => {
    expect(inboxRoomsFor({ id: 5, grants: [grant('grid_worker', 'grid', 11)] }, undefined)).toEqual(['inbox:user:5']);
  });

  it('adds the department for its staff and the community queue for dispatchers and the committee', () => {
    const user = { id: 5, grants: [grant('department_staff', 'department', 3), grant('grid_worker', 'community', 7), grant('community_committee', 'community', 7)] };
    expect(inboxRoomsFor(user, undefined)).toEqual(['inbox:user:5', 'inbox:department:3', 'inbox:community:7']);
  });

  it('narrows to the page’s scope', () => {
    const user = { id: 5, grants: [grant('department_staff', 'department', 3), grant('grid_worker', 'community', 7)] };
    expect(inboxRoomsFor(user, 'department')).toEqual(['inbox:user:5', 'inbox:department:3']);
    expect(inboxRoomsFor(user, 'dispatch')).toEqual(['inbox:user:5', 'inbox:community:7']);
    expect(inboxRoomsFor(user, 'assigned')).toEqual(['inbox:user:5']);
  });

  it('listens to the street office’s room for a street dispatcher', () => {
    const user = { id: 5, grants: [grant('grid_worker', 'street', 2)] };
    expect(inboxRoomsFor(user, undefined)).toEqual(['inbox:user:5', 'inbox:street:2']);
    expect(inboxRoomsFor(user, 'assigned')).toEqual(['inbox:user:5']);
  });
});
