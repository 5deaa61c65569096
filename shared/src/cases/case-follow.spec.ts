import { caseFollowVerdict, caseViewKind, isCaseNeighbour } from './case-follow';
import { CASE_STATUSES, isOpen } from './case-status';

const COMMUNITY = 10;
const neighbour = { verifiedCommunityIds: [COMMUNITY], seesWholeCase: false };
const stranger = { verifiedCommunityIds: [11], seesWholeCase: false };
const unverified = { verifiedCommunityIds: [], seesWholeCase: false };
const handler = { verifiedCommunityIds: [], seesWholeCase: true };

describe('the follow rule (我也遇到)', () => {
  it('lets a verified resident of the case’s community follow an open case', () => {
    expect(caseFollowVerdict({ status: 'submitted', communityId: COMMUNITY }, neighbour)).toBe('follow');
    expect(caseFollowVerdict({ status: 'resolved', communityId: COMMUNITY }, neighbour)).toBe('follow');
  });

  it('hides the case from residents of other communities and from people with no verified residency', () => {
    for (const status of CASE_STATUSES) {
      expect(caseFollowVerdict({ status, communityId: COMMUNITY }, stranger)).toBe('hidden');
      expect(caseFollowVerdict({ status, communityId: COMMUNITY }, unverified)).toBe('hidden');
    }
  });

  it('hides a report outside every community from everyone but those who see the whole case', () => {
    expect(caseFollowVerdict({ status: 'submitted', communityId: null }, { verifiedCommunityIds: [COMMUNITY], seesWholeCase: false })).toBe('hidden');
    expect(caseFollowVerdict({ status: 'submitted', communityId: null }, handler)).toBe('follow');
  });

  it('tells a neighbour or a handler that a settled case has nothing left to join', () => {
    for (const status of CASE_STATUSES.filter((s) => !isOpen(s))) {
      expect(caseFollowVerdict({ status, communityId: COMMUNITY }, neighbour)).toBe('closed');
      expect(caseFollowVerdict({ status, communityId: COMMUNITY }, handler)).toBe('closed');
    }
  });

  it('counts only the case’s own community as the neighbourhood', () => {
    expect(isCaseNeighbour({ communityId: COMMUNITY }, [3, COMMUNITY])).toBe(true);
    expect(isCaseNeighbour({ communityId: COMMUNITY }, [3])).toBe(false);
    expect(isCaseNeighbour({ communityId: null }, [COMMUNITY])).toBe(false);
  });
});

describe('which view of a case a person gets', () => {
  it('gives the whole case to those who see it whole, the public view to a follower, nothing to anyone else', () => {
    expect(caseViewKind({ seesWholeCase: true, isFollower: true })).toBe('full');
    expect(caseViewKind({ seesWholeCase: true, isFollower: false })).toBe('full');
    expect(caseViewKind({ seesWholeCase: false, isFollower: true })).toBe('public');
    expect(caseViewKind({ seesWholeCase: false, isFollower: false })).toBe('none');
  });
});
