import { IDEMPOTENCY_KEY_PATTERN } from './idempotency';
/**
 * API contract of snap-and-report (随手拍): what the mini-program sends and receives for reports, case
 * pages, handler inboxes and case actions. Times are ISO-8601 strings; coordinates are GCJ-02 as WeChat
 * returns them. Statuses, events and actors come from the case state machine (`../cases`), never spelled
 * out again here.
 *
 * Routes (all under /api):
 *   POST /cases                          SubmitReportRequest → CaseDetail (201 new; 200 when the clientKey was seen)
 *   GET  /cases/nearby?lng&lat&categoryId&radius&days   → NearbyCase[] (open reports close by, for 我也遇到)
 *   POST /cases/:id/follow               → CaseView (我也遇到; idempotent; verified residents of the case's
 *                                          community only, see caseFollowVerdict; anyone else gets 404)
 *   GET  /cases/mine?page&pageSize       → CasePage<CaseMineItem> (reported by me: the summary; followed: its public cut)
 *   GET  /cases/:id                      → CaseView: CaseDetail for the reporter, handlers, committee, admin;
 *                                          CasePublicView for a follower; 404 for anyone else
 *   POST /cases/:id/actions/:action      CaseActionRequests[action] → CaseDetail
 *   GET  /cases/:id/handler-candidates   → CaseHandlerCandidate[] (who the case may be reassigned to; 转派)
 *   GET  /inbox?scope&page&pageSize      → CasePage<CaseInboxItem> (what the caller has to handle)
 * Live: subscribe to the view's `liveRoom` (`case:<id>` for the whole case, `case:public:<id>` for the public
 * view; CaseLiveEvent, seq = timeline seq) and the inbox rooms in CASE_INBOX_ROOMS.
 */
import type { CaseActor, CaseEvent, CaseStatus } from '../cases/case-status';
import type { UploadedPhoto } from './media';

/** A report carries this many photos. */
export const CASE_PHOTOS_MIN = 1;
export const CASE_PHOTOS_MAX = 9;
/** Longest description a resident can write, in characters. */
export const CASE_DESCRIPTION_MAX = 1000;
export const CASE_ADDRESS_MAX = 200;
/** Reasons (reject, return) and notes. */
export const CASE_REASON_MAX = 500;
export const CASE_RATING_COMMENT_MAX = 500;
/** A client key: 8–64 letters, digits or -_ (the mini-program makes a UUID when the form opens). */
export const CASE_CLIENT_KEY_PATTERN = IDEMPOTENCY_KEY_PATTERN;

/** Defaults and limits of the "same problem nearby" search shown before submitting. */
export const CASE_NEARBY_DEFAULT_RADIUS_M = 200;
export const CASE_NEARBY_MAX_RADIUS_M = 2000;
export const CASE_NEARBY_DEFAULT_DAYS = 7;
export const CASE_NEARBY_MAX_DAYS = 90;
export const CASE_NEARBY_MAX_RESULTS = 20;

export const CASE_PAGE_SIZE_DEFAULT = 20;
export const CASE_PAGE_SIZE_MAX = 100;

/** Whose queue a case sits in. `grid`: a grid worker has it; the others: a dispatcher at that level. */
export const CASE_QUEUES = ['grid', 'community_dispatch', 'street_dispatch', 'district_dispatch'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

export const CASE_QUEUE_LABELS: Record<CaseQueue, string> = {
  grid: '网格员处理',
  community_dispatch: '社区派单',
  street_dispatch: '街道派单',
  district_dispatch: '区级派单',
};

/** How the case found its handler: by the point and the roster, or by a dispatcher's hand. */
export type CaseRoutedBy = 'auto' | 'dispatcher';

export type CaseDepartmentRole = 'lead' | 'co';

/** Why a case was rejected; the resident sees the kind and the reason. */
export type CaseRejectKind = 'invalid' | 'duplicate';

export const CASE_REJECT_KIND_LABELS: Record<CaseRejectKind, string> = {
  invalid: '无效反映',
  duplicate: '重复反映',
};

/** POST /api/cases */
export interface SubmitReportRequest {
  /** Made by the client once per report form; a retry with the same key returns the same case. */
  clientKey: string;
  /** 1–9 ids from POST /api/media/photos, in display order. */
  photoIds: string[];
  lng: number;
  lat: number;
  /** What the resident (or the map picker) says the place is, e.g. 解放北路 123 号门口. */
  address?: string;
  /** 1–1000 characters. */
  description: string;
  /** Omitted: the server classifies the description (and asks a dispatcher when unsure). */
  categoryId?: number;
}

/** Entries of a case's timeline: its submission, then one per event fired on it. */
/**
 * What a timeline entry records: the report itself, a state-machine event, or the deadline sweep's reminder
 * to the handler (`remind`, no status change).
 */
export type CaseTimelineEvent = 'submit' | 'remind' | CaseEvent;

export const CASE_SUBMIT_LABEL = '提交反映';
export const CASE_REMIND_LABEL = '超时提醒';

export interface CaseTimelineEntry {
  /** 1, 2, 3… per case; the same seq as the live event that announced it. */
  seq: number;
  event: CaseTimelineEvent;
  eventLabel: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorRole: CaseActor;
  /** 反映人, 网格员, 职能部门… (never a handler's personal name on the resident's page). */
  actorRoleLabel: string;
  /** The reason, note or comment given with the event; shown to the resident. */
  note: string | null;
  /** Event-specific facts, e.g. { departmentId, departmentName } for a dispatch, { score } for a rating. */
  data: Record<string, unknown> | null;
  at: string;
}

export interface CaseDepartmentRef {
  id: number;
  name: string;
  role: CaseDepartmentRole;
}

export interface CaseHandlerRef {
  userId: number;
  /** Display name of the grid worker / dispatcher. */
  name: string;
}

export interface CaseRating {
  /** 1–5; ≤ CASE_UNSATISFIED_MAX_SCORE counts as unsatisfied. */
  score: number;
  comment: string | null;
}

/** A rating at or below this score is unsatisfied (reopens the case once). */
export const CASE_UNSATISFIED_MAX_SCORE = 2;

/** One line of a case list. */
export interface CaseSummary {
  id: number;
  /** Public code, e.g. YX20261123-0001. */
  code: string;
  status: CaseStatus;
  statusLabel: string;
  categoryId: number | null;
  categoryName: string | null;
  description: string;
  address: string | null;
  lng: number;
  lat: number;
  communityId: number | null;
  gridId: number | null;
  queue: CaseQueue;
  /** Thumbnail of the first photo. */
  thumbUrl: string | null;
  followerCount: number;
  responseDueAt: string | null;
  resolveDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  /** The whole case: the caller reported it, handles it or supervises it. */
  view: 'full';
  /** The live room of this view (`case:<id>`). */
  liveRoom: string;
  /** The reporter's name, masked unless the caller is the reporter or a handler. */
  reporterName: string;
  isReporter: boolean;
  isFollowing: boolean;
  classification: { confidence: number | null; routedBy: CaseRoutedBy };
  photos: { before: UploadedPhoto[]; after: UploadedPhoto[] };
  handler: CaseHandlerRef | null;
  /** Lead first, then co-handling departments. */
  departments: CaseDepartmentRef[];
  reopenCount: number;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rating: CaseRating | null;
  /** Set when the case was rejected. */
  rejection: { kind: CaseRejectKind; reason: string } | null;
  timeline: CaseTimelineEntry[];
  /** Highest timeline seq: subscribe to `case:<id>` with afterSeq = lastSeq. */
  lastSeq: number;
  /** Optimistic-concurrency version; send it back as expectedVersion to act only on what you saw. */
  version: number;
  /** What the caller is in this case (null = only watching), and what they may do now. */
  myActor: CaseActor | null;
  availableActions: CaseAction[];
}

/**
 * A case as a follower (我也遇到) sees it: what 办理结果公开 would show — status, category, the steps of the
 * timeline without names or notes (the resolution note excepted, masked like the outcomes page), the text with
 * phone and ID numbers masked, the community rather than the coordinates, thumbnails rather than photos. No
 * reporter, handler or department names, no ids of people.
 */
export interface CasePublicView {
  view: 'public';
  id: number;
  code: string;
  status: CaseStatus;
  statusLabel: string;
  categoryId: number | null;
  categoryName: string | null;
  description: string;
  address: string | null;
  /** Roughly where: the community and street (null outside every community). */
  place: { communityName: string | null; streetName: string | null };
  photoThumbUrls: { before: string[]; after: string[] };
  followerCount: number;
  isFollowing: boolean;
  /** Each entry's note and data are null, except the resolve note (masked). */
  timeline: CaseTimelineEntry[];
  lastSeq: number;
  version: number;
  /** The live room of this view (`case:public:<id>`): its events carry public timeline entries only. */
  liveRoom: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  /** A follower plays no part in the case and has nothing to do on it. */
  myActor: null;
  availableActions: CaseAction[];
}

/** A list line of a case the caller only follows: the public view's fields, nothing of the whole summary's. */
export type CasePublicSummary = Pick<
  CasePublicView,
  'view' | 'id' | 'code' | 'status' | 'statusLabel' | 'categoryId' | 'categoryName' | 'description' | 'address' | 'followerCount' | 'createdAt' | 'updatedAt'
> & { thumbUrl: string | null };

/** One line of 我的反映 (GET /api/cases/mine): a case I reported in full, one I follow as its public cut. */
export type CaseMineItem = (CaseSummary & { view: 'full' }) | CasePublicSummary;

/** What GET /api/cases/:id (and following) answers: the whole case or its public view; `view` says which. */
export type CaseView = CaseDetail | CasePublicView;

/** A nearby open report of the same kind, offered before submitting (我也遇到). */
export interface NearbyCase {
  id: number;
  code: string;
  status: CaseStatus;
  statusLabel: string;
  categoryId: number | null;
  categoryName: string | null;
  description: string;
  address: string | null;
  thumbUrl: string | null;
  distanceMeters: number;
  followerCount: number;
  isFollowing: boolean;
  isReporter: boolean;
  createdAt: string;
}

/** GET /api/cases/nearby */
export interface NearbyCasesQuery {
  lng: number;
  lat: number;
  categoryId?: number;
  /** Metres, default CASE_NEARBY_DEFAULT_RADIUS_M. */
  radius?: number;
  /** Look back this many days, default CASE_NEARBY_DEFAULT_DAYS. */
  days?: number;
}

/** Which of the caller's queues the inbox lists; omitted = all the caller has. */
export type CaseInboxScope = 'assigned' | 'dispatch' | 'department';

export interface CaseInboxQuery {
  scope?: CaseInboxScope;
  page?: number;
  pageSize?: number;
}

export interface CaseInboxItem extends CaseSummary {
  /** Why it is in the caller's inbox. */
  scope: CaseInboxScope;
  myActor: CaseActor;
  availableActions: CaseAction[];
  /** The response or resolve deadline has passed. */
  overdue: boolean;
}

export interface CasePage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CasePageQuery {
  page?: number;
  pageSize?: number;
}

/**
 * Actions are the URL segment of POST /api/cases/:id/actions/:action. `rate` fires rate_satisfied or
 * rate_unsatisfied by score; the others fire the state-machine event of the same name.
 */
export const CASE_ACTIONS = ['accept', 'reject', 'dispatch', 'reassign', 'return', 'start', 'resolve', 'rate', 'escalate'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  reject: '驳回',
  dispatch: '派单',
  reassign: '转派',
  return: '退回',
  start: '开始处理',
  resolve: '办结',
  rate: '评价',
  escalate: '吹哨',
};

/** Every action may carry the version the caller saw; a stale one answers 409. */
interface CaseActionBase {
  expectedVersion?: number;
}

export interface AcceptCaseRequest extends CaseActionBase {
  note?: string;
}

export interface RejectCaseRequest extends CaseActionBase {
  kind: CaseRejectKind;
  /** Shown to the resident. */
  reason: string;
  /** For a duplicate: the case it duplicates (its reporter then follows that one). */
  duplicateOfCaseId?: number;
}

export interface DispatchCaseRequest extends CaseActionBase {
  /** Lead department; omitted = the category's default department. */
  departmentId?: number;
  /** Co-handling departments under the lead (多部门协办). */
  coDepartmentIds?: number[];
  /** Sets the category when dispatching (e.g. a report the classifier could not place); deadlines follow it. */
  categoryId?: number;
  note?: string;
}

export interface ReassignCaseRequest extends CaseActionBase {
  /** The new handler: one of GET /api/cases/:id/handler-candidates, not the current handler. */
  handlerUserId: number;
  note?: string;
}

export interface ReturnCaseRequest extends CaseActionBase {
  /** Why the department cannot handle it; goes back to the grid worker / dispatcher. */
  reason: string;
}

export interface StartCaseRequest extends CaseActionBase {
  note?: string;
}

export interface ResolveCaseRequest extends CaseActionBase {
  /** What was done; shown to the resident. */
  note: string;
  /** 1–9 after-photos from POST /api/media/photos. */
  photoIds: string[];
}

export interface RateCaseRequest extends CaseActionBase {
  /** 1–5. */
  score: number;
  comment?: string;
}

export interface EscalateCaseRequest extends CaseActionBase {
  /** 吹哨: why more help is needed. */
  note: string;
}

export interface CaseActionRequests {
  accept: AcceptCaseRequest;
  reject: RejectCaseRequest;
  dispatch: DispatchCaseRequest;
  reassign: ReassignCaseRequest;
  return: ReturnCaseRequest;
  start: StartCaseRequest;
  resolve: ResolveCaseRequest;
  rate: RateCaseRequest;
  escalate: EscalateCaseRequest;
}

/**
 * Someone a dispatcher or supervisor may hand the case to (转派): a grid worker of a grid in the case's
 * community, or one of the community's dispatchers; for a case outside every grid, the grid workers and
 * dispatchers (community or street office) of its street, else of its district. Listed on duty first, then
 * fewest open cases (orderHandlerCandidates).
 */
export interface CaseHandlerCandidate {
  userId: number;
  name: string;
  /** 网格员 of a grid, or 派单员 (a grid worker granted a whole community, or a whole street). */
  role: Extract<CaseActor, 'grid_worker' | 'dispatcher'>;
  gridId: number | null;
  /** Null for a dispatcher. */
  gridName: string | null;
  /** Null for a street office's dispatcher. */
  communityId: number | null;
  communityName: string | null;
  /** Set for a street office's dispatcher only: the street they dispatch for. */
  streetName: string | null;
  /** A shift of theirs in the duty roster covers this moment. */
  onDuty: boolean;
  /** Cases they hold that still wait on handling. */
  openCases: number;
  /** Already holds the case: shown, but cannot be chosen. */
  isCurrentHandler: boolean;
}

/** The live event type on `case:<id>` and the inbox rooms. */
export const CASE_LIVE_EVENT_TYPE = 'case.timeline';
export const CASE_INBOX_LIVE_EVENT_TYPE = 'case.inbox';

/**
 * `case:<id>` carries one event per timeline entry (seq = entry seq); `case:public:<id>` the same events with the
 * entry as the public view shows it.
 */
export interface CaseLiveEventData {
  caseId: number;
  entry: CaseTimelineEntry;
  status: CaseStatus;
  version: number;
}

/**
 * Inbox rooms a handler may watch: `inbox:user:<me>` (cases assigned to me), `inbox:community:<id>`
 * (community dispatchers and committee), `inbox:department:<id>` (department staff). Their events say
 * which case changed; the page re-reads GET /api/inbox.
 */
export interface CaseInboxLiveEventData {
  caseId: number;
  code: string;
  status: CaseStatus;
  event: CaseTimelineEvent;
}

/**
 * GET /api/cases/outcomes?communityId&page&pageSize → CasePage<CaseOutcome>: a community's resolved and closed
 * cases, public to everyone (办理结果公开), newest resolution first. No names: neither reporter nor handler.
 */
export interface CaseOutcomesQuery extends CasePageQuery {
  communityId: number;
}

export interface CaseOutcome {
  id: number;
  code: string;
  status: CaseStatus;
  statusLabel: string;
  categoryName: string | null;
  description: string;
  address: string | null;
  photos: { before: UploadedPhoto[]; after: UploadedPhoto[] };
  /** What the handler says was done (the resolve note). */
  resolutionNote: string | null;
  createdAt: string;
  resolvedAt: string;
  /** The reporter's score, when they rated. */
  ratingScore: number | null;
}
