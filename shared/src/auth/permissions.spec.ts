import { grantCovers, isAllowed, rolesFor } from './permissions';
import { RoleGrant } from './roles';

const committeeOf = (communityId: number): RoleGrant => ({ role: 'community_committee', scopeKind: 'community', scopeId: communityId });
const admin: RoleGrant = { role: 'district_admin', scopeKind: 'district', scopeId: 1 };

describe('permission matrix', () => {
  it('lets a visitor read the public organisation tree but not their profile', () => {
    expect(isAllowed([], 'org.read')).toBe(true);
    expect(isAllowed([], 'profile.read')).toBe(false);
  });

  it('lets a committee review residencies only inside its own community', () => {
    expect(isAllowed([committeeOf(3)], 'residency.review', { districtId: 1, streetId: 1, communityId: 3 })).toBe(true);
    expect(isAllowed([committeeOf(3)], 'residency.review', { districtId: 1, streetId: 1, communityId: 4 })).toBe(false);
  });

  it('lets a district administrator act anywhere in the district and nowhere else', () => {
    expect(isAllowed([admin], 'residency.review', { districtId: 1, communityId: 9 })).toBe(true);
    expect(isAllowed([admin], 'residency.review', { districtId: 2, communityId: 9 })).toBe(false);
  });

  it('refuses a role that the matrix does not list for the action', () => {
    expect(isAllowed([{ role: 'resident', scopeKind: 'community', scopeId: 3 }], 'residency.review', { communityId: 3 })).toBe(false);
    expect(rolesFor('residency.review').sort()).toEqual(['community_committee', 'district_admin']);
  });

  it('does not let an unscoped grant cover anything', () => {
    expect(grantCovers({ role: 'visitor', scopeKind: 'none', scopeId: null }, { communityId: 1 })).toBe(false);
  });
});
