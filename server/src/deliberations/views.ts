import {
  maskName,
  type DeliberationBallotReceipt,
  type DeliberationBulletinPostView,
  type DeliberationCommentView,
  type DeliberationMinutesView,
  type DeliberationPollCounts,
  type DeliberationPollSummary,
  type DeliberationPollView,
  type DeliberationScope,
  type DeliberationTopicView,
} from '@linli/shared';
import type { BulletinPost } from './entities/bulletin-post.entity';
import type { PollBallot } from './entities/ballot.entity';
import type { DeliberationComment } from './entities/comment.entity';
import type { DeliberationMinutes } from './entities/minutes.entity';
import type { Poll } from './entities/poll.entity';
import type { DeliberationTopic } from './entities/topic.entity';
import { pollPhase } from './poll-phase';

/** Maps rows to the contract's views. Nothing here names a voter; authors appear masked. */

export function scopeOf(row: { scopeKind: DeliberationScope['kind']; scopeBuilding: string | null }): DeliberationScope {
  return row.scopeKind === 'building' ? { kind: 'building', building: row.scopeBuilding } : { kind: row.scopeKind };
}

export function topicView(
  topic: DeliberationTopic,
  extra: { proposerName: string; supportedByMe: boolean; showReason: boolean; deliberationId: number | null },
): DeliberationTopicView {
  return {
    id: topic.id,
    communityId: topic.communityId,
    title: topic.title,
    body: topic.body,
    photoIds: topic.photoIds,
    scope: scopeOf(topic),
    status: topic.status,
    proposerName: maskName(extra.proposerName),
    supportCount: topic.supportCount,
    supportedByMe: extra.supportedByMe,
    rejectReason: extra.showReason && topic.status === 'rejected' ? topic.reviewReason : null,
    mergedIntoTopicId: topic.mergedIntoTopicId,
    deliberationId: extra.deliberationId,
    createdAt: topic.createdAt.toISOString(),
    reviewedAt: topic.reviewedAt ? topic.reviewedAt.toISOString() : null,
  };
}

export function commentView(
  comment: DeliberationComment,
  extra: { authorName: string; supportedByMe: boolean; replies: DeliberationCommentView[] },
): DeliberationCommentView {
  return {
    id: comment.id,
    deliberationId: comment.deliberationId,
    parentId: comment.parentId,
    authorName: maskName(extra.authorName),
    body: comment.hidden ? null : comment.body,
    hidden: comment.hidden,
    hiddenReason: comment.hidden ? comment.hiddenReason : null,
    supportCount: comment.supportCount,
    supportedByMe: extra.supportedByMe,
    replies: extra.replies,
    createdAt: comment.createdAt.toISOString(),
  };
}

export function minutesView(m: DeliberationMinutes): DeliberationMinutesView {
  return { id: m.id, title: m.title, summary: m.summary, heldAt: m.heldAt.toISOString(), photoIds: m.photoIds, createdAt: m.createdAt.toISOString() };
}

export function pollSummary(poll: Poll, now: Date): DeliberationPollSummary {
  return {
    id: poll.id,
    title: poll.title,
    type: poll.type,
    status: pollPhase(poll, now),
    opensAt: poll.opensAt.toISOString(),
    closesAt: poll.closesAt.toISOString(),
  };
}

/** Live counts as shown, or null while the poll hides them. */
export function visibleCounts(poll: Pick<Poll, 'hideResultsUntilClose' | 'status' | 'chainSeq' | 'options' | 'liveCounts'>): DeliberationPollCounts | null {
  if (poll.hideResultsUntilClose && poll.status !== 'closed') return null;
  const counts: DeliberationPollCounts = {
    seq: poll.chainSeq,
    options: poll.options.map((o, i) => ({ optionId: o.id, votes: poll.liveCounts.votes[i] ?? 0 })),
    voters: poll.liveCounts.voters,
  };
  if (poll.liveCounts.area) counts.areaByOption = poll.options.map((o, i) => ({ optionId: o.id, area: poll.liveCounts.area![i] ?? 0 }));
  return counts;
}

export function pollView(poll: Poll, now: Date): DeliberationPollView {
  return {
    ...pollSummary(poll, now),
    deliberationId: poll.deliberationId,
    communityId: poll.communityId,
    scope: scopeOf(poll),
    options: poll.options,
    maxChoices: poll.maxChoices,
    hideResultsUntilClose: poll.hideResultsUntilClose,
    ownerMatter: poll.ownerMatter,
    eligibleCount: poll.eligibleCount,
    counts: visibleCounts(poll),
    result: poll.status === 'closed' ? poll.result : null,
    closedAt: poll.closedAt ? poll.closedAt.toISOString() : null,
  };
}

export function receiptView(ballot: Pick<PollBallot, 'pollId' | 'seq' | 'hash' | 'choice' | 'castAt' | 'supersedesSeq'>): DeliberationBallotReceipt {
  return {
    pollId: ballot.pollId,
    seq: ballot.seq,
    receipt: ballot.hash,
    choice: ballot.choice,
    castAt: ballot.castAt,
    supersedesSeq: ballot.supersedesSeq,
  };
}

export function bulletinView(post: BulletinPost): DeliberationBulletinPostView {
  return {
    id: post.id,
    communityId: post.communityId,
    kind: post.kind,
    title: post.title,
    body: post.body,
    data: post.data,
    publishedAt: post.publishedAt.toISOString(),
  };
}
