import { canFire, CaseStatus, isTerminal } from '@linli/shared';

/** What the deadline sweep may do to one case; each happens at most once per case. */
export type CaseSlaAction = 'remind_response' | 'remind_resolve' | 'escalate' | 'auto_close';

/** The marker column that records (and claims) each action. */
export const CASE_SLA_MARK: Record<CaseSlaAction, 'responseOverdueAt' | 'resolveOverdueAt' | 'escalatedAt' | 'autoClosedAt'> = {
  remind_response: 'responseOverdueAt',
  remind_resolve: 'resolveOverdueAt',
  escalate: 'escalatedAt',
  auto_close: 'autoClosedAt',
};

export interface CaseSlaFacts {
  status: CaseStatus;
  responseDueAt: Date | null;
  resolveDueAt: Date | null;
  resolvedAt: Date | null;
  rating: number | null;
}

export type CaseSlaMarksSeen = Partial<Record<(typeof CASE_SLA_MARK)[CaseSlaAction], Date | null>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Statuses in which someone still owes the resident handling (resolved waits on the resident, not the handler). */
export function isAwaitingHandling(status: CaseStatus): boolean {
  return !isTerminal(status) && status !== 'resolved';
}

/**
 * What the sweep should do to a case at `now`, in order:
 * - still unaccepted (submitted) past its response deadline → remind the handler;
 * - still awaiting handling past its resolve deadline (accepted or not) → remind the handler, and blow the
 *   whistle to the street (吹哨) where the state machine lets the system escalate the case;
 * - resolved and unrated for `autoCloseDays` → close it.
 * Actions already marked are left out, so a sweep that runs again does nothing twice.
 */
export function caseSlaActionsDue(c: CaseSlaFacts, marks: CaseSlaMarksSeen, now: Date, autoCloseDays: number): CaseSlaAction[] {
  const t = now.getTime();
  const past = (due: Date | null) => due !== null && new Date(due).getTime() <= t;
  const actions: CaseSlaAction[] = [];
  if (c.status === 'submitted' && past(c.responseDueAt) && !marks.responseOverdueAt) actions.push('remind_response');
  if (isAwaitingHandling(c.status) && past(c.resolveDueAt)) {
    if (!marks.resolveOverdueAt) actions.push('remind_resolve');
    if (!marks.escalatedAt && canFire('escalate', c.status, 'system')) actions.push('escalate');
  }
  if (c.status === 'resolved' && c.rating === null && c.resolvedAt !== null && !marks.autoClosedAt && new Date(c.resolvedAt).getTime() + autoCloseDays * DAY_MS <= t) {
    actions.push('auto_close');
  }
  return actions;
}

/** The reminder a handler reads on the case's timeline (and the resident sees that the deadline was chased). */
export function caseSlaReminderNote(action: 'remind_response' | 'remind_resolve'): string {
  return action === 'remind_response' ? '已超过受理时限，系统已提醒处理人尽快受理' : '已超过办结时限，系统已提醒处理人尽快办结';
}

export const CASE_SLA_ESCALATION_NOTE = '超过办结时限仍未办结，系统自动吹哨，提请街道协调处理';
