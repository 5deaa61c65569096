import { CaseStatus, isOpen } from './case-status';

/**
 * 我也遇到 (following a case) and who may do it. The follow rule: a person may follow an open case when they
 * hold a verified residency in the case's community — the neighbours a report concerns, who would find it
 * among the open reports nearby. Its reporter, handlers and supervisors in scope, who see the whole case
 * anyway, may follow it too. Everybody else is refused exactly as if the case did not exist, so trying ids
 * tells a stranger nothing. A follower sees the public view of the case (caseViewKind), never more.
 */
export interface FollowableCase {
  status: CaseStatus;
  /** Null for a report outside every grid (the street office's queue): no neighbourhood to speak for it. */
  communityId: number | null;
}

export interface FollowerStanding {
  /** Communities in which the person holds a verified residency. */
  verifiedCommunityIds: readonly number[];
  /** Already sees the whole case: its reporter, a handler, a supervisor whose scope covers it. */
  seesWholeCase: boolean;
}

/** `follow`: allowed; `closed`: may see it but it is settled, nothing to join; `hidden`: answer as not found. */
export type CaseFollowVerdict = 'follow' | 'closed' | 'hidden';

/** Whether the person is a verified resident of the case's community. */
export function isCaseNeighbour(row: Pick<FollowableCase, 'communityId'>, verifiedCommunityIds: readonly number[]): boolean {
  return row.communityId !== null && verifiedCommunityIds.includes(row.communityId);
}

export function caseFollowVerdict(row: FollowableCase, who: FollowerStanding): CaseFollowVerdict {
  if (!who.seesWholeCase && !isCaseNeighbour(row, who.verifiedCommunityIds)) return 'hidden';
  return isOpen(row.status) ? 'follow' : 'closed';
}

/**
 * Which view of a case a person gets: `full` for the reporter, handlers and supervisors in scope; `public` for
 * a follower (what 办理结果公开 would show: status, category, timeline steps without names, masked text,
 * approximate place); `none` for anyone else.
 */
export type CaseViewKind = 'full' | 'public' | 'none';

export function caseViewKind(who: { seesWholeCase: boolean; isFollower: boolean }): CaseViewKind {
  if (who.seesWholeCase) return 'full';
  return who.isFollower ? 'public' : 'none';
}
