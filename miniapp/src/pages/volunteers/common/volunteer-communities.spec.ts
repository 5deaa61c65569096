import type { CommunitySummary, RoleGrant } from '@linli/shared';
import { volunteerCommunitiesFor, volunteerHomeCommunityId } from './volunteer-communities';

const communities: CommunitySummary[] = [
  { id: 11, name: '小北社区', code: 'c11', streetId: 1, streetName: '洪桥街道' },
  { id: 12, name: '登峰社区', code: 'c12', streetId: 1, streetName: '洪桥街道' },
  { id: 21, name: '盘福社区', code: 'c21', streetId: 2, streetName: '矿泉街道' },
];

const grant = (role: RoleGrant['role'], scopeKind: RoleGrant['scopeKind'], scopeId: number | null): RoleGrant => ({ role, scopeKind, scopeId });

describe('volunteerCommunitiesFor', () => {
  it('lets a committee organise only in its own community', () => {
    const ids = volunteerCommunitiesFor([grant('community_committee', 'community', 12)], 'volunteer.organise', 1, communities).map((c) => c.id);
    expect(ids).toEqual([12]);
  });

  it('lets the district admin organise everywhere in the district', () => {
    expect(volunteerCommunitiesFor([grant('district_admin', 'district', 1)], 'volunteer.organise', 1, communities)).toHaveLength(3);
  });

  it('gives party members and residents no organiser or review rights', () => {
    const grants = [grant('party_member', 'community', 11), grant('resident', 'community', 11)];
    expect(volunteerCommunitiesFor(grants, 'volunteer.organise', 1, communities)).toEqual([]);
    expect(volunteerCommunitiesFor(grants, 'volunteer.party.review', 1, communities)).toEqual([]);
  });

  it('lets a party branch review party check-ins in its community', () => {
    const ids = volunteerCommunitiesFor([grant('party_branch', 'community', 21)], 'volunteer.party.review', 1, communities).map((c) => c.id);
    expect(ids).toEqual([21]);
  });
});

describe('volunteerHomeCommunityId', () => {
  it('prefers the community the person lives in', () => {
    expect(volunteerHomeCommunityId({ community: { id: 21 }, grants: [grant('community_committee', 'community', 12)] }, [communities[1]])).toBe(21);
  });

  it('falls back to where they organise, then to any community role', () => {
    expect(volunteerHomeCommunityId({ community: null, grants: [] }, [communities[1]])).toBe(12);
    expect(volunteerHomeCommunityId({ community: null, grants: [grant('grid_worker', 'grid', 5), grant('party_member', 'community', 11)] }, [])).toBe(11);
    expect(volunteerHomeCommunityId({ community: null, grants: [grant('grid_worker', 'grid', 5)] }, [])).toBeNull();
  });
});
