/**
 * The snap-and-report (随手拍) case state machine: the one place that says which status a case may
 * move to, on which event, and who may fire it. Server services and mini-program buttons both read it.
 *
 * Actors are roles *in this case*, not account roles: the caller decides that the signed-in person is
 * the case's reporter, its assigned grid worker, staff of its assigned department, and so on.
 */

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'returned',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处理中',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '已驳回',
  returned: '已退回',
  reopened: '重新办理',
};

export const CASE_EVENTS = [
  'accept',
  'reject',
  'dispatch',
  'return',
  'start',
  'resolve',
  'rate_satisfied',
  'rate_unsatisfied',
  'auto_close',
  'escalate',
  'reassign',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export const CASE_EVENT_LABELS: Record<CaseEvent, string> = {
  accept: '受理',
  reject: '驳回',
  dispatch: '派单',
  return: '退回',
  start: '开始处理',
  resolve: '办结',
  rate_satisfied: '满意',
  rate_unsatisfied: '不满意',
  auto_close: '自动关闭',
  escalate: '吹哨',
  reassign: '转派',
};

export const CASE_ACTORS = ['reporter', 'grid_worker', 'dispatcher', 'department_staff', 'supervisor', 'system'] as const;
export type CaseActor = (typeof CASE_ACTORS)[number];

export const CASE_ACTOR_LABELS: Record<CaseActor, string> = {
  reporter: '反映人',
  grid_worker: '网格员',
  dispatcher: '派单员',
  department_staff: '职能部门',
  supervisor: '街道/区督办',
  system: '系统',
};

/** A case may go back to handling after an unsatisfied rating this many times; after that the rating closes it. */
export const CASE_MAX_REOPENS = 1;

/** Facts about the case that some transitions depend on. */
export interface CaseGuardInput {
  /** How many times the case has already been reopened after an unsatisfied rating. */
  reopenCount?: number;
}

/** Named guards, so the transition table stays plain data. */
export type CaseTransitionGuard = 'reopen_available' | 'reopen_exhausted';

export interface CaseTransition {
  from: CaseStatus;
  event: CaseEvent;
  /** Equal to `from` for events that are recorded on the case without moving it (吹哨, 转派). */
  to: CaseStatus;
  actors: readonly CaseActor[];
  guard?: CaseTransitionGuard;
}

const HANDLERS_AT_TRIAGE: readonly CaseActor[] = ['grid_worker', 'dispatcher'];
const REASSIGNERS: readonly CaseActor[] = ['dispatcher', 'supervisor'];
const WHISTLE_BLOWERS: readonly CaseActor[] = ['grid_worker', 'dispatcher'];
/** The deadline sweep blows the whistle too, on its own account, wherever a case still awaits handling. */
const WHISTLE_BLOWERS_AND_SYSTEM: readonly CaseActor[] = [...WHISTLE_BLOWERS, 'system'];

/**
 * Every allowed move. Anything not listed is refused.
 * - Rejection (invalid or duplicate) happens only at triage, before anyone has started handling.
 * - A department that cannot handle a case returns it to the grid worker / dispatcher, who may
 *   send it elsewhere or handle it themselves.
 * - Only the reporter rates, only from resolved; an unsatisfied rating reopens the case once (to the
 *   handler's supervisor), and closes it when the reopen has been used.
 * - Only the system closes a resolved case whose rating window has run out.
 * - 吹哨 (escalate) is recorded without moving the case. Handlers blow the whistle once they hold a case; the
 *   system (the deadline sweep) may also do it on a case nobody has accepted yet.
 */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: 'submitted', event: 'accept', to: 'accepted', actors: HANDLERS_AT_TRIAGE },
  { from: 'submitted', event: 'reject', to: 'rejected', actors: HANDLERS_AT_TRIAGE },
  { from: 'submitted', event: 'dispatch', to: 'dispatched', actors: ['dispatcher'] },
  { from: 'submitted', event: 'reassign', to: 'submitted', actors: REASSIGNERS },
  { from: 'submitted', event: 'escalate', to: 'submitted', actors: ['system'] },

  { from: 'accepted', event: 'reject', to: 'rejected', actors: HANDLERS_AT_TRIAGE },
  { from: 'accepted', event: 'dispatch', to: 'dispatched', actors: HANDLERS_AT_TRIAGE },
  { from: 'accepted', event: 'start', to: 'in_progress', actors: ['grid_worker'] },
  { from: 'accepted', event: 'escalate', to: 'accepted', actors: WHISTLE_BLOWERS_AND_SYSTEM },
  { from: 'accepted', event: 'reassign', to: 'accepted', actors: REASSIGNERS },

  { from: 'dispatched', event: 'start', to: 'in_progress', actors: ['department_staff'] },
  { from: 'dispatched', event: 'return', to: 'returned', actors: ['department_staff'] },
  { from: 'dispatched', event: 'escalate', to: 'dispatched', actors: WHISTLE_BLOWERS_AND_SYSTEM },

  { from: 'in_progress', event: 'resolve', to: 'resolved', actors: ['grid_worker', 'department_staff'] },
  { from: 'in_progress', event: 'return', to: 'returned', actors: ['department_staff'] },
  { from: 'in_progress', event: 'escalate', to: 'in_progress', actors: WHISTLE_BLOWERS_AND_SYSTEM },

  { from: 'returned', event: 'dispatch', to: 'dispatched', actors: HANDLERS_AT_TRIAGE },
  { from: 'returned', event: 'start', to: 'in_progress', actors: ['grid_worker'] },
  { from: 'returned', event: 'escalate', to: 'returned', actors: WHISTLE_BLOWERS_AND_SYSTEM },
  { from: 'returned', event: 'reassign', to: 'returned', actors: REASSIGNERS },

  { from: 'resolved', event: 'rate_satisfied', to: 'closed', actors: ['reporter'] },
  { from: 'resolved', event: 'rate_unsatisfied', to: 'reopened', actors: ['reporter'], guard: 'reopen_available' },
  { from: 'resolved', event: 'rate_unsatisfied', to: 'closed', actors: ['reporter'], guard: 'reopen_exhausted' },
  { from: 'resolved', event: 'auto_close', to: 'closed', actors: ['system'] },

  { from: 'reopened', event: 'start', to: 'in_progress', actors: ['supervisor', 'grid_worker'] },
  { from: 'reopened', event: 'dispatch', to: 'dispatched', actors: ['supervisor', 'grid_worker', 'dispatcher'] },
  { from: 'reopened', event: 'escalate', to: 'reopened', actors: WHISTLE_BLOWERS_AND_SYSTEM },
  { from: 'reopened', event: 'reassign', to: 'reopened', actors: REASSIGNERS },
];

const TERMINAL: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['closed', 'rejected']);

function guardHolds(guard: CaseTransitionGuard | undefined, input: CaseGuardInput): boolean {
  const reopenCount = input.reopenCount ?? 0;
  switch (guard) {
    case undefined:
      return true;
    case 'reopen_available':
      return reopenCount < CASE_MAX_REOPENS;
    case 'reopen_exhausted':
      return reopenCount >= CASE_MAX_REOPENS;
  }
}

/** The transition an event takes from a status, given the case's facts; undefined if the event is not allowed there. */
export function findCaseTransition(from: CaseStatus, event: CaseEvent, input: CaseGuardInput = {}): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((t) => t.from === from && t.event === event && guardHolds(t.guard, input));
}

/** Where an event takes a case, or null if the event is not allowed in that status (whoever fires it). */
export function nextCaseStatus(from: CaseStatus, event: CaseEvent, input: CaseGuardInput = {}): CaseStatus | null {
  return findCaseTransition(from, event, input)?.to ?? null;
}

/** Whether this actor may fire this event on a case in this status. */
export function canFire(event: CaseEvent, from: CaseStatus, actor: CaseActor, input: CaseGuardInput = {}): boolean {
  return findCaseTransition(from, event, input)?.actors.includes(actor) ?? false;
}

/** The events an actor may fire now, in table order (the mini-program turns these into buttons). */
export function eventsAvailable(from: CaseStatus, actor: CaseActor, input: CaseGuardInput = {}): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const t of CASE_TRANSITIONS) {
    if (t.from === from && t.actors.includes(actor) && guardHolds(t.guard, input) && !events.includes(t.event)) {
      events.push(t.event);
    }
  }
  return events;
}

/** Whether the case's life is over: nothing can be fired on it any more. */
export function isTerminal(status: CaseStatus): boolean {
  return TERMINAL.has(status);
}

/** Whether the case still needs someone (a handler, or the reporter's rating). */
export function isOpen(status: CaseStatus): boolean {
  return !isTerminal(status);
}

/** Events that are recorded on the case (timeline, audit log, notifications) without changing its status. */
export function isRecordOnlyCaseEvent(event: CaseEvent): boolean {
  return CASE_TRANSITIONS.some((t) => t.event === event) && CASE_TRANSITIONS.every((t) => t.event !== event || t.to === t.from);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isCaseEvent(value: unknown): value is CaseEvent {
  return typeof value === 'string' && (CASE_EVENTS as readonly string[]).includes(value);
}
