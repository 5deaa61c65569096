/**
 * API contract of neighbourhood deliberation and voting (议事/投票): topics and their review, deliberations
 * with their discussion thread, polls with ballots and receipts, and the community bulletin board (公告栏).
 * Times are ISO-8601 UTC strings. Ballot types, owner matters, tallies and the receipt chain come from the
 * voting rules (`VotingBallotType`, `OwnerMatter`, `PollTally`, `OwnerDecision`, `ChainedBallot`), never
 * spelled out again here.
 *
 * Reading is public: visitors (no token) may read approved topics, deliberations, polls, results, the chain
 * and the bulletin board. Nothing public ever names who voted or what a person chose; a signed-in voter
 * sees only their own ballots (GET /api/polls/:id/me).
 *
 * Errors use the one error body; codes specific to this feature are listed in DeliberationErrorCode.
 */
import type { ChainedBallot } from '../voting/ballot-chain';
import type { VotingBallotType } from '../voting/ballot-rules';
import type { OwnerDecision } from '../voting/owner-decision';
import type { OwnerMatter } from '../voting/owner-matters';
import type { PollTally } from '../voting/tally';

// ---------------------------------------------------------------------------------------------- scope

/** Who a topic (and the polls opened from it) concerns. */
export type DeliberationScopeKind = 'community' | 'building' | 'owners';

export interface DeliberationScope {
  kind: DeliberationScopeKind;
  /** The building (e.g. `3栋`) when kind is `building`. */
  building?: string | null;
}

export const DELIBERATION_SCOPE_LABELS: Record<DeliberationScopeKind, string> = {
  community: '全体居民',
  building: '本楼栋居民',
  owners: '业主',
};

// --------------------------------------------------------------------------------------------- topics

export type DeliberationTopicStatus = 'pending' | 'approved' | 'rejected' | 'merged' | 'deliberating';

export const DELIBERATION_TOPIC_STATUS_LABELS: Record<DeliberationTopicStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  merged: '已合并',
  deliberating: '议事中',
};

/** POST /api/communities/:communityId/topics — a verified resident of the community proposes a topic. */
export interface DeliberationTopicInput {
  title: string;
  body: string;
  /** Ids from POST /api/media/photos, at most 9, in display order. */
  photoIds?: string[];
  scope: DeliberationScope;
}

export interface DeliberationTopicView {
  id: number;
  communityId: number;
  title: string;
  body: string;
  photoIds: string[];
  scope: DeliberationScope;
  status: DeliberationTopicStatus;
  /** Masked display name of the proposer (e.g. `张*丰`). */
  proposerName: string;
  supportCount: number;
  /** Whether the caller supports it (false for visitors). */
  supportedByMe: boolean;
  /** Only for the proposer and reviewers: why it was rejected. */
  rejectReason: string | null;
  /** The topic it was merged into, when merged. */
  mergedIntoTopicId: number | null;
  /** The deliberation opened on it, if any. */
  deliberationId: number | null;
  createdAt: string;
  reviewedAt: string | null;
}

/**
 * GET /api/communities/:communityId/topics?status=&mine=1&page=&pageSize= — public topics (not pending or
 * rejected) for everyone; `mine=1` lists the caller's own in every state; `status=pending` is the review
 * queue of the community's party branch (and committee).
 */
export interface DeliberationTopicListQuery {
  status?: DeliberationTopicStatus;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface DeliberationPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/topics/:id/support (idempotent) and DELETE /api/topics/:id/support. */
export interface DeliberationSupportView {
  supportCount: number;
  supportedByMe: boolean;
}

export type DeliberationReviewDecision = 'approve' | 'reject' | 'merge';

/** POST /api/topics/:id/review — the community's party branch decides on a pending topic. */
export interface DeliberationReviewInput {
  decision: DeliberationReviewDecision;
  /** Required for reject (the proposer sees it); optional note otherwise. */
  reason?: string;
  /** Required for merge: an approved or deliberating topic of the same community. */
  mergeIntoTopicId?: number;
}

// ------------------------------------------------------------------------------------- deliberations

export type DeliberationStatus = 'discussing' | 'voting' | 'concluded';

export const DELIBERATION_STATUS_LABELS: Record<DeliberationStatus, string> = {
  discussing: '讨论中',
  voting: '投票中',
  concluded: '已结束',
};

/** POST /api/topics/:id/deliberations — the committee opens a deliberation on an approved topic. */
export interface DeliberationOpenInput {
  /** End of the discussion period; comments are accepted until then. */
  discussionEndsAt: string;
  /** Defaults to the topic's title. */
  title?: string;
}

export interface DeliberationMinutesView {
  id: number;
  title: string;
  summary: string;
  heldAt: string;
  photoIds: string[];
  createdAt: string;
}

export interface DeliberationView {
  id: number;
  communityId: number;
  topicId: number;
  title: string;
  topic: DeliberationTopicView;
  scope: DeliberationScope;
  status: DeliberationStatus;
  discussionEndsAt: string;
  /** Whether comments are still accepted (the discussion period has not ended). */
  discussionOpen: boolean;
  commentCount: number;
  minutes: DeliberationMinutesView[];
  polls: DeliberationPollSummary[];
  createdAt: string;
}

/** POST /api/deliberations/:id/minutes — minutes of an offline meeting (committee). */
export interface DeliberationMinutesInput {
  title: string;
  summary: string;
  heldAt: string;
  /** Ids from POST /api/media/photos (scans of the signed minutes), at most 9. */
  photoIds?: string[];
}

// -------------------------------------------------------------------------------------------- comments

export type DeliberationCommentOrder = 'newest' | 'supported';

/** POST /api/deliberations/:id/comments — a resident in scope, during the discussion period. */
export interface DeliberationCommentInput {
  body: string;
  /** Reply to a top-level comment of the same deliberation. */
  parentId?: number;
}

export interface DeliberationCommentView {
  id: number;
  deliberationId: number;
  parentId: number | null;
  /** Masked display name. */
  authorName: string;
  /** Null when hidden. */
  body: string | null;
  hidden: boolean;
  /** Why the committee hid it (shown in place of the text). */
  hiddenReason: string | null;
  supportCount: number;
  supportedByMe: boolean;
  /** Replies (top-level comments only; replies are oldest first). */
  replies: DeliberationCommentView[];
  createdAt: string;
}

/** GET /api/deliberations/:id/comments?order=newest|supported&page=&pageSize= — top-level comments with replies. */
export interface DeliberationCommentListQuery {
  order?: DeliberationCommentOrder;
  page?: number;
  pageSize?: number;
}

/**
 * POST /api/comments/:id/hide — committee; the reason is shown in place of the comment. Hiding also handles
 * the comment's open reports (outcome `hidden`, the reason as their note).
 */
export interface DeliberationCommentHideInput {
  reason: string;
}

/** POST /api/comments/:id/report — any signed-in user, once per comment. */
export interface DeliberationCommentReportInput {
  reason: string;
}

// ------------------------------------------------------------------------------------ comment reports

/**
 * The committee's queue of reported comments (举报处理). An item is one reported comment; it is `open` while
 * any of its reports is unhandled, `handled` once all are. A report made after handling opens it again.
 */
export type DeliberationReportQueueStatus = 'open' | 'handled';

export const DELIBERATION_REPORT_QUEUE_STATUS_LABELS: Record<DeliberationReportQueueStatus, string> = {
  open: '待处理',
  handled: '已处理',
};

/** How the committee handled a report: the comment was hidden, or the reports were dismissed with a note. */
export type DeliberationReportOutcome = 'hidden' | 'dismissed';

export const DELIBERATION_REPORT_OUTCOME_LABELS: Record<DeliberationReportOutcome, string> = {
  hidden: '已隐藏评论',
  dismissed: '已驳回举报',
};

/** Longest dismissal note (and hide reason) the server accepts. */
export const DELIBERATION_REPORT_NOTE_MAX = 255;

/**
 * GET /api/communities/:communityId/comment-reports?status=open|handled&page=&pageSize= — the community's
 * committee only; newest report first. `status` defaults to `open`.
 */
export interface DeliberationCommentReportListQuery {
  status?: DeliberationReportQueueStatus;
  page?: number;
  pageSize?: number;
}

/** Who handled a report, when, how and with which note (the hide reason, or the dismissal note). */
export interface DeliberationReportHandling {
  outcome: DeliberationReportOutcome;
  note: string | null;
  /** Display name of the committee member who handled it. */
  handledByName: string;
  handledAt: string;
}

/** One report as the committee sees it. Reporters are never named. */
export interface DeliberationCommentReportEntry {
  id: number;
  reason: string;
  reportedAt: string;
  /** Null while the report is open. */
  handling: DeliberationReportHandling | null;
}

export interface DeliberationReportedCommentView {
  commentId: number;
  deliberationId: number;
  deliberationTitle: string;
  /** Set for a reply: the top-level comment it answers. */
  parentId: number | null;
  /** Masked display name of the comment's author, as in the thread. */
  authorName: string;
  /** The text as written: the committee reviews it even once hidden. */
  body: string;
  hidden: boolean;
  hiddenReason: string | null;
  commentedAt: string;
  status: DeliberationReportQueueStatus;
  reportCount: number;
  openReportCount: number;
  lastReportedAt: string;
  /** Newest first. */
  reports: DeliberationCommentReportEntry[];
  /** The latest handling of any of its reports, or null if none was ever handled. */
  lastHandling: DeliberationReportHandling | null;
}

/** POST /api/comments/:id/reports/dismiss — the committee dismisses the comment's open reports with a note. */
export interface DeliberationReportDismissInput {
  note: string;
}

// ------------------------------------------------------------------------------------------------ polls

export type DeliberationPollStatus = 'scheduled' | 'open' | 'closed';

export const DELIBERATION_POLL_STATUS_LABELS: Record<DeliberationPollStatus, string> = {
  scheduled: '未开始',
  open: '投票中',
  closed: '已结束',
};

export interface DeliberationPollOptionInput {
  /** Stable id, 1–32 of [A-Za-z0-9_-]. */
  id: string;
  label: string;
}

/**
 * POST /api/deliberations/:id/polls — the committee opens a vote. The scope is the topic's. An owners'
 * vote is always `approval3` and needs `ownerMatter` (Civil Code Art. 278); options are then fixed
 * (agree / disagree / abstain) and must be omitted.
 */
export interface DeliberationPollInput {
  title: string;
  type: VotingBallotType;
  options?: DeliberationPollOptionInput[];
  /** For `multiple`: at most this many options per ballot. */
  maxChoices?: number;
  opensAt: string;
  closesAt: string;
  /** Counts stay hidden (even live) until the poll closes. */
  hideResultsUntilClose?: boolean;
  ownerMatter?: OwnerMatter;
}

export interface DeliberationPollSummary {
  id: number;
  title: string;
  type: VotingBallotType;
  status: DeliberationPollStatus;
  opensAt: string;
  closesAt: string;
}

export interface DeliberationPollView extends DeliberationPollSummary {
  deliberationId: number;
  communityId: number;
  scope: DeliberationScope;
  options: { id: string; label: string }[];
  maxChoices: number;
  hideResultsUntilClose: boolean;
  ownerMatter: OwnerMatter | null;
  /** Voters (or units for owners' votes) entitled to vote, fixed when the poll was created. */
  eligibleCount: number;
  /** Live counts; null while hidden. `seq` is the chain length they reflect (the live event seq). */
  counts: DeliberationPollCounts | null;
  /** The published result once closed. */
  result: DeliberationPollResult | null;
  closedAt: string | null;
}

export interface DeliberationPollCounts {
  seq: number;
  options: { optionId: string; votes: number }[];
  /** Voters (units) whose last ballot counts. */
  voters: number;
  /** For owners' votes: counted area per option, hundredths of m². */
  areaByOption?: { optionId: string; area: number }[];
}

export interface DeliberationPollResult {
  tally: PollTally;
  /** Owners' votes only: the Art. 278 decision with thresholds and whether met. */
  ownerDecision: OwnerDecision | null;
  /** Plain Chinese summary printed on the bulletin board. */
  summary: string;
  chainHead: string;
  chainCount: number;
  bulletinPostId: number | null;
}

/** A place the caller may vote from: themselves, or one of their owned units in an owners' vote. */
export interface DeliberationVoterSlot {
  /** Household id for an owners' vote; null for a personal vote. */
  unitId: number | null;
  /** e.g. `3栋1单元602` for a unit, else the caller's own label `本人`. */
  label: string;
  /** Hundredths of m² (owners' votes). */
  exclusiveArea: number | null;
  /** The caller's current ballot from this slot, if any. */
  current: DeliberationBallotReceipt | null;
}

/** GET /api/polls/:id/me — what the signed-in caller may do in this poll. */
export interface DeliberationPollMeView {
  eligible: boolean;
  /** Why not, in Chinese, when not eligible. */
  reason: string | null;
  slots: DeliberationVoterSlot[];
}

/**
 * POST /api/polls/:id/ballots. Send an `Idempotency-Key` header (8–64 of [A-Za-z0-9_-]) so a retry returns
 * the first receipt instead of failing. A first ballot has no `replacesReceipt`; to change one's vote, send
 * the receipt of the current ballot — a ballot that does not name the current one is refused (409
 * `ballot_exists` / `ballot_changed`), so two devices submitting at once cannot silently overwrite each other.
 */
export interface DeliberationBallotInput {
  choice: string[];
  /** Owners' votes: the household (unit) voted for; required there, not allowed elsewhere. */
  unitId?: number;
  replacesReceipt?: string;
}

/** What a voter keeps: their ballot's place in the chain. The hash is the receipt. */
export interface DeliberationBallotReceipt {
  pollId: number;
  seq: number;
  receipt: string;
  choice: string[];
  castAt: string;
  supersedesSeq: number | null;
}

/** GET /api/polls/:id/receipts/:receipt — public check that a receipt is in the chain. */
export interface DeliberationReceiptCheck {
  found: boolean;
  /** The chain verifies from genesis to its head. */
  chainOk: boolean;
  /** What the chain recorded under the receipt (anonymous). */
  ballot: { seq: number; choice: string[]; castAt: string; supersedesSeq: number | null } | null;
  /** Still open: the ballot may yet be superseded by the voter's revote. */
  pollClosed: boolean;
}

/**
 * GET /api/polls/:id/chain — every accepted ballot, anonymous, in chain order, for anyone to recompute
 * (verifyChain, chainTallyBallots). Available once closed, or while open when results are not hidden.
 */
export interface DeliberationChainView {
  pollId: number;
  /** The poll id as hashed into the chain (genesisHash(chainPollId)). */
  chainPollId: string;
  head: string;
  count: number;
  closed: boolean;
  ballots: ChainedBallot[];
}

// --------------------------------------------------------------------------------------------- bulletin

export type DeliberationBulletinKind = 'poll_result' | 'deliberation_opened' | 'poll_opened';

export interface DeliberationBulletinPostView {
  id: number;
  communityId: number;
  kind: DeliberationBulletinKind;
  title: string;
  body: string;
  /** For poll_result: `{ pollId, deliberationId, result: DeliberationPollResult }`. */
  data: Record<string, unknown>;
  publishedAt: string;
}

/** GET /api/communities/:communityId/bulletin?page=&pageSize= — newest first, public. */
export type DeliberationBulletinPage = DeliberationPage<DeliberationBulletinPostView>;

// ------------------------------------------------------------------------------------------------ live

/**
 * Live rooms. `poll:<pollId>` (public): `poll.counts` with DeliberationPollCounts while open and counts are
 * visible, and `poll.closed` with DeliberationPollResult; seq = chain length (closed: chain length + 1).
 * `bulletin:<communityId>` (public): `bulletin.posted` with DeliberationBulletinPostView; seq = post id.
 */
export const DELIBERATION_LIVE_EVENTS = {
  pollCounts: 'poll.counts',
  pollClosed: 'poll.closed',
  bulletinPosted: 'bulletin.posted',
} as const;

export const DELIBERATION_BULLETIN_ROOM_KIND = 'bulletin';

// ----------------------------------------------------------------------------------------------- errors

export type DeliberationErrorCode =
  | 'not_resident' // not a verified resident of the community / building
  | 'not_in_scope'
  | 'topic_not_reviewable'
  | 'topic_not_approved'
  | 'discussion_closed'
  | 'poll_not_open' // before opensAt or after closesAt
  | 'not_eligible'
  | 'not_unit_owner'
  | 'ballot_invalid' // details.reason: BallotErrorCode
  | 'ballot_exists'
  | 'ballot_changed'
  | 'idempotency_conflict'
  | 'already_reported'
  | 'no_open_reports' // dismissing a reported comment none of whose reports is still open
  | 'bad_poll_definition';

// --------------------------------------------------------------------------------------- reads by id

/**
 * Public reads of one item, which the mini-program's detail pages open by id:
 *  - GET /api/topics/:id → DeliberationTopicView (pending/rejected only for the proposer and reviewers)
 *  - GET /api/deliberations/:id → DeliberationView
 *  - GET /api/polls/:id → DeliberationPollView
 * Comment support mirrors topic support: POST /api/comments/:id/support (idempotent) and
 * DELETE /api/comments/:id/support → DeliberationSupportView.
 */
export type DeliberationReadById = 'topic' | 'deliberation' | 'poll';
