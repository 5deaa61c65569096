import type { CommunitySummary, RoleGrant } from '@linli/shared';
import { reviewableCommunities } from './reviewable-communities';

const community = (id: number, streetId: number): CommunitySummary => ({ id, name: `社区${id}`, code: `C${id}`, streetId, streetName: '' });
const all = [community(4, 1), community(5, 1), community(9, 2)];

describe('reviewableCommunities', () => {
  it("limits a committee member to their own community's queue", () => {
    const committee: RoleGrant = { role: 'community_committee', scopeKind: 'community', scopeId: 5 };
    expect(reviewableCommunities([committee], 1, all).map((c) => c.id)).toEqual([5]);
  });

  it('opens every community of their district to a district administrator', () => {
    const admin: RoleGrant = { role: 'district_admin', scopeKind: 'district', scopeId: 1 };
    expect(reviewableCommunities([admin], 1, all).map((c) => c.id)).toEqual([4, 5, 9]);
    expect(reviewableCommunities([admin], 2, all)).toEqual([]);
  });

  it('gives a resident or grid worker nothing to review', () => {
    const grants: RoleGrant[] = [
      { role: 'resident', scopeKind: 'community', scopeId: 4 },
      { role: 'grid_worker', scopeKind: 'grid', scopeId: 31 },
    ];
    expect(reviewableCommunities(grants, 1, all)).toEqual([]);
  });
});
