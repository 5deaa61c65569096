import { isAllowed, type Action, type CommunitySummary, type RoleGrant } from '@linli/shared';

type VolunteerAction = Extract<Action, 'volunteer.organise' | 'volunteer.party.review' | 'volunteer.community.read'>;

/** The communities where these grants may take a volunteer action, per the shared permission matrix. */
export function volunteerCommunitiesFor(
  grants: RoleGrant[],
  action: VolunteerAction,
  districtId: number,
  communities: CommunitySummary[],
): CommunitySummary[] {
  return communities.filter((c) => isAllowed(grants, action, { districtId, streetId: c.streetId, communityId: c.id }));
}

/**
 * Which community's activities the 志愿 tab shows first: where the person lives, else the first community
 * they organise in, else the first community holding any of their community-scoped roles.
 */
export function volunteerHomeCommunityId(me: { community: { id: number } | null; grants: RoleGrant[] }, organising: CommunitySummary[]): number | null {
  if (me.community) return me.community.id;
  if (organising.length) return organising[0].id;
  const scoped = me.grants.find((g) => g.scopeKind === 'community' && g.scopeId !== null);
  return scoped?.scopeId ?? null;
}
