import type { MeResponse, ResidencySummary } from '@linli/shared';
import { defaultCommunityId, deliberationActionsFor, initialCommunityId, inScope, livesIn } from './deliberation-access';

const place = { districtId: 1, streetId: 10, communityId: 100 };

function residency(communityId: number, status: ResidencySummary['status'], relation: ResidencySummary['relation'] = 'owner'): ResidencySummary {
  return {
    id: communityId * 10,
    household: { id: 1, communityId, communityName: '小北社区', building: '3栋', unit: '1单元', room: '602' },
    relation,
    exclusiveArea: 89.5,
    status,
    reviewNote: null,
  };
}

function person(grants: MeResponse['grants'], residencies: ResidencySummary[] = []): MeResponse {
  return { id: 7, name: '张三', phoneMasked: null, grants, residencies, community: null };
}

const resident = { role: 'resident' as const, scopeKind: 'community' as const, scopeId: 100, scopeLabel: null };

describe('deliberation actions', () => {
  it('lets a visitor only read, and says to sign in and verify', () => {
    const actions = deliberationActionsFor(null, place);
    expect(actions).toMatchObject({ canParticipate: false, canReview: false, canManage: false });
    expect(actions.participateHint).toContain('登录');
  });

  it('lets a verified resident of the community take part but not review or manage', () => {
    const actions = deliberationActionsFor(person([resident], [residency(100, 'verified')]), place);
    expect(actions).toEqual({ canParticipate: true, participateHint: '', canReview: false, canManage: false });
  });

  it('keeps a resident whose residency is still pending, or in another community, from taking part', () => {
    expect(deliberationActionsFor(person([resident], [residency(100, 'pending')]), place).canParticipate).toBe(false);
    const elsewhere = deliberationActionsFor(person([resident], [residency(200, 'verified')]), place);
    expect(elsewhere.canParticipate).toBe(false);
    expect(elsewhere.participateHint).toContain('本社区');
  });

  it('gives the party branch the review queue of its own community only', () => {
    const branch = person([{ role: 'party_branch', scopeKind: 'community', scopeId: 100, scopeLabel: null }]);
    expect(deliberationActionsFor(branch, place).canReview).toBe(true);
    expect(deliberationActionsFor(branch, { ...place, communityId: 101 }).canReview).toBe(false);
    expect(deliberationActionsFor(branch, place).canManage).toBe(false);
  });

  it('gives the committee and the district admin the management actions within their scope', () => {
    const committee = person([{ role: 'community_committee', scopeKind: 'community', scopeId: 100, scopeLabel: null }]);
    expect(deliberationActionsFor(committee, place).canManage).toBe(true);
    expect(deliberationActionsFor(committee, { ...place, communityId: 101 }).canManage).toBe(false);
    const admin = person([{ role: 'district_admin', scopeKind: 'district', scopeId: 1, scopeLabel: null }]);
    expect(deliberationActionsFor(admin, { ...place, communityId: 555 })).toMatchObject({ canManage: true, canReview: true });
    expect(deliberationActionsFor(admin, { ...place, districtId: 2 }).canManage).toBe(false);
  });
});

describe("a topic's scope", () => {
  const tenant = person([resident], [residency(100, 'verified', 'tenant')]);
  const owner = person([resident], [residency(100, 'verified', 'owner')]);

  it('keeps a tenant out of an owners topic and says why, while an owner takes part', () => {
    const actions = deliberationActionsFor(tenant, place, { kind: 'owners' });
    expect(actions.canParticipate).toBe(false);
    expect(actions.participateHint).toBe('本议题仅限业主参与');
    expect(deliberationActionsFor(owner, place, { kind: 'owners' }).canParticipate).toBe(true);
  });

  it('limits a building topic to residents of that building', () => {
    expect(inScope(tenant, 100, { kind: 'building', building: '3栋' })).toBe(true);
    expect(inScope(tenant, 100, { kind: 'building', building: '5栋' })).toBe(false);
    expect(inScope(tenant, 100, { kind: 'community' })).toBe(true);
    expect(inScope(tenant, 101, { kind: 'community' })).toBe(false);
  });
});

describe('the community a deliberation page opens on', () => {
  it("prefers the community the person lives in, then a community grant's, else none", () => {
    expect(defaultCommunityId({ ...person([]), community: { id: 42, name: '小北社区', streetName: '洪桥街道' } })).toBe(42);
    expect(defaultCommunityId(person([{ role: 'party_branch', scopeKind: 'community', scopeId: 9, scopeLabel: null }]))).toBe(9);
    expect(defaultCommunityId(person([{ role: 'grid_worker', scopeKind: 'grid', scopeId: 3, scopeLabel: null }]))).toBeNull();
    expect(defaultCommunityId(null)).toBeNull();
  });

  it('counts only verified residencies as living in a community', () => {
    expect(livesIn(person([], [residency(100, 'verified')]), 100)).toBe(true);
    expect(livesIn(person([], [residency(100, 'rejected')]), 100)).toBe(false);
  });
});

describe('the community the 议事 tab opens on', () => {
  const living = { ...person([]), community: { id: 42, name: '小北社区', streetName: '洪桥街道' } };

  it('returns to the community last chosen on this phone', () => {
    expect(initialCommunityId(living, 7, [7, 42])).toBe(7);
  });

  it("falls back to the person's own community when the remembered one is gone, then to the first", () => {
    expect(initialCommunityId(living, 99, [7, 42])).toBe(42);
    expect(initialCommunityId(null, null, [7, 42])).toBe(7);
    expect(initialCommunityId(null, null, [])).toBeNull();
  });
});
