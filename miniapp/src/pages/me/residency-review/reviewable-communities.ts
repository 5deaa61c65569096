import { isAllowed, type CommunitySummary, type RoleGrant } from '@linli/shared';

/** The communities whose residency applications these grants may review, per the shared permission matrix. */
export function reviewableCommunities(grants: RoleGrant[], districtId: number, communities: CommunitySummary[]): CommunitySummary[] {
  return communities.filter((community) =>
    isAllowed(grants, 'residency.review', { districtId, streetId: community.streetId, communityId: community.id }),
  );
}
