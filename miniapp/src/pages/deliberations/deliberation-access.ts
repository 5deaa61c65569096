import { isAllowed, type DeliberationScope, type MeResponse, type ResourceLocation } from '@linli/shared';

/** Where a community sits in the tree: enough for scoped grants (community, street, district) to be checked. */
export interface DeliberationPlace {
  districtId: number;
  streetId: number;
  communityId: number;
}

export interface DeliberationActions {
  /** Propose topics, comment, support and vote (the service still checks the topic's scope). */
  canParticipate: boolean;
  /** Why not, in words a resident understands; empty when allowed. */
  participateHint: string;
  /** The party branch's review queue. */
  canReview: boolean;
  /** The committee's work: open deliberations and votes, minutes, hide comments. */
  canManage: boolean;
}

function location(place: DeliberationPlace): ResourceLocation {
  return { districtId: place.districtId, streetId: place.streetId, communityId: place.communityId };
}

/** Whether the person has a verified residency (any relation) in this community. */
export function livesIn(me: MeResponse | null, communityId: number): boolean {
  return !!me && me.residencies.some((r) => r.status === 'verified' && r.household.communityId === communityId);
}

/**
 * Whether a verified residency puts the person inside a topic's scope: any residency for the whole community,
 * one in that building for a building topic, an owner's for an owners' topic (the server checks the same).
 */
export function inScope(me: MeResponse | null, communityId: number, scope: DeliberationScope): boolean {
  if (!me) return false;
  return me.residencies.some((r) => {
    if (r.status !== 'verified' || r.household.communityId !== communityId) return false;
    if (scope.kind === 'owners') return r.relation === 'owner';
    if (scope.kind === 'building') return r.household.building === scope.building;
    return true;
  });
}

const SCOPE_HINTS: Record<DeliberationScope['kind'], string> = {
  community: '认证为本社区居民后可参与',
  building: '本议题仅限本楼栋居民参与',
  owners: '本议题仅限业主参与',
};

/**
 * What this person may do in one community's deliberations, per the shared permission matrix; with a topic's
 * scope, taking part also needs a residency inside it.
 */
export function deliberationActionsFor(me: MeResponse | null, place: DeliberationPlace, scope?: DeliberationScope): DeliberationActions {
  const grants = me?.grants ?? [];
  const where = location(place);
  const review = isAllowed(grants, 'deliberation.review', where);
  const manage = isAllowed(grants, 'deliberation.manage', where);
  if (!me) return { canParticipate: false, participateHint: '登录并完成实名认证后可参与', canReview: false, canManage: false };
  if (!isAllowed(grants, 'deliberation.participate', where)) {
    return { canParticipate: false, participateHint: '当前身份不能参与议事', canReview: review, canManage: manage };
  }
  if (!livesIn(me, place.communityId)) {
    return { canParticipate: false, participateHint: '认证为本社区居民后可参与', canReview: review, canManage: manage };
  }
  if (scope && !inScope(me, place.communityId, scope)) {
    return { canParticipate: false, participateHint: SCOPE_HINTS[scope.kind], canReview: review, canManage: manage };
  }
  return { canParticipate: true, participateHint: '', canReview: review, canManage: manage };
}

/**
 * The community a page opens on: the one the person lives in, else the community of a community-scoped
 * grant (committee, party branch), else none (the visitor picks one).
 */
export function defaultCommunityId(me: MeResponse | null): number | null {
  if (!me) return null;
  if (me.community) return me.community.id;
  const grant = me.grants.find((g) => g.scopeKind === 'community' && g.scopeId !== null);
  return grant?.scopeId ?? null;
}

/**
 * The community the 议事 tab shows: the one last chosen on this phone while it still exists, else the
 * person's own (defaultCommunityId), else the first of the directory.
 */
export function initialCommunityId(me: MeResponse | null, remembered: number | null, communityIds: readonly number[]): number | null {
  if (remembered !== null && communityIds.includes(remembered)) return remembered;
  const own = defaultCommunityId(me);
  if (own !== null && communityIds.includes(own)) return own;
  return communityIds[0] ?? null;
}
