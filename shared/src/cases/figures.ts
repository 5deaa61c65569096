/**
 * Case figures for the committee (its community) and the district (all): how many cases, in which status,
 * how fast they were taken up and settled, how many found their handler without a dispatcher's hand, and
 * how residents rated the outcome — per grid, community or department.
 *
 * Route: GET /api/cases/figures?groupBy=grid|community|department&communityId&from&to → CaseFigures.
 * `from`/`to` are calendar days (YYYY-MM-DD) in Asia/Shanghai, both inclusive, on the day a case was reported.
 *
 * The computation is pure (the server loads the rows, this file counts) so the rules have unit tests and
 * one definition: which case is "closed on the day reported", "auto-forwarded", "overdue".
 */
import { shanghaiDayStart, shanghaiLocalDay } from '../points/local-day';
import { CASE_STATUSES, type CaseStatus } from './case-status';

export const CASE_FIGURES_GROUP_BYS = ['grid', 'community', 'department'] as const;
export type CaseFiguresGroupBy = (typeof CASE_FIGURES_GROUP_BYS)[number];

/** A rating at or above this score counts as satisfied (满意). */
export const CASE_FIGURES_SATISFIED_MIN_SCORE = 4;

/** Longest range one request may ask for, in days. */
export const CASE_FIGURES_MAX_DAYS = 366;

/** The name shown for cases that have no group (outside every grid, no department yet). */
export const CASE_FIGURES_UNGROUPED_LABEL: Record<CaseFiguresGroupBy, string> = {
  grid: '网格外',
  community: '社区外',
  department: '未派部门',
};

export interface CaseFiguresQuery {
  groupBy: CaseFiguresGroupBy;
  /** Only this community (a committee may only ask for its own; a district admin for any in the district). */
  communityId?: number;
  /** YYYY-MM-DD, Asia/Shanghai, inclusive. Omitted: the last 30 days. */
  from?: string;
  /** YYYY-MM-DD, Asia/Shanghai, inclusive. Omitted: today. */
  to?: string;
}

/** One row of figures: a grid, a community or a department (or the total). */
export interface CaseFiguresRow {
  /** Null for the "no group" row (cases outside every grid, or not sent to a department). */
  groupId: number | null;
  groupName: string;
  total: number;
  byStatus: Record<CaseStatus, number>;
  /** 当日办结率: of the valid (not rejected) cases, the share settled on the Shanghai day they were reported. Null when none. */
  sameDayResolvedRate: number | null;
  /** 自动转办率: of the valid cases, the share routed automatically and never re-dispatched by hand. Null when none. */
  autoForwardRate: number | null;
  /** Median minutes from report to acceptance, over accepted cases. Null when none. */
  medianAcceptMinutes: number | null;
  /** Median minutes from report to resolution, over resolved cases. Null when none. */
  medianResolveMinutes: number | null;
  /** 满意率: ratings ≥ CASE_FIGURES_SATISFIED_MIN_SCORE among rated cases. Null when none rated. */
  satisfactionRate: number | null;
  rated: number;
  /** Cases that missed their response or resolve deadline (settled late, or still open past it). */
  overdue: number;
}

/** GET /api/cases/figures */
export interface CaseFigures {
  groupBy: CaseFiguresGroupBy;
  communityId: number | null;
  from: string;
  to: string;
  /** When the figures were computed (overdue counts depend on it). */
  at: string;
  total: CaseFiguresRow;
  /** Every known group in scope, also those without cases, in name order; the "no group" row last when it has cases. */
  rows: CaseFiguresRow[];
}

/** What the computation needs to know about one case. Times are Date objects (the server's rows). */
export interface CaseFiguresCase {
  status: CaseStatus;
  gridId: number | null;
  communityId: number | null;
  leadDepartmentId: number | null;
  routedBy: 'auto' | 'dispatcher';
  /** A dispatcher or supervisor re-dispatched or reassigned it by hand. */
  manuallyRedispatched: boolean;
  createdAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  responseDueAt: Date | null;
  resolveDueAt: Date | null;
}

export interface CaseFiguresGroup {
  id: number;
  name: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The median of some numbers (mean of the middle two for an even count); null for none. */
export function caseFiguresMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The instants [start, end) covered by inclusive Shanghai days from..to. */
export function caseFiguresRange(from: string, to: string): { start: Date; end: Date } {
  const start = shanghaiDayStart(from);
  const end = new Date(shanghaiDayStart(to).getTime() + DAY_MS);
  return { start, end };
}

/** The default range: the 30 Shanghai days ending today. */
export function caseFiguresDefaultDays(now: Date): { from: string; to: string } {
  return { from: shanghaiLocalDay(new Date(now.getTime() - 29 * DAY_MS)), to: shanghaiLocalDay(now) };
}

/** When the case was settled: resolved by its handler, or closed without a resolution record. */
function settledAt(c: CaseFiguresCase): Date | null {
  if (c.status === 'rejected') return null;
  return c.resolvedAt ?? (c.status === 'closed' ? c.closedAt : null);
}

/** Whether the case was settled on the Shanghai calendar day it was reported (当日办结). */
export function caseSettledSameDay(c: CaseFiguresCase): boolean {
  const at = settledAt(c);
  return at !== null && shanghaiLocalDay(at) === shanghaiLocalDay(c.createdAt);
}

/** Whether the case found its handler by the point and the roster and nobody re-dispatched it by hand (自动转办). */
export function caseAutoForwarded(c: CaseFiguresCase): boolean {
  return c.routedBy === 'auto' && !c.manuallyRedispatched;
}

/**
 * Whether the case missed a deadline, as of `now`: accepted after its response deadline (or still waiting
 * past it), or settled after its resolve deadline (or still open past it). Rejected cases only count when
 * they were left waiting past the response deadline.
 */
export function caseWasOverdue(c: CaseFiguresCase, now: Date): boolean {
  const late = (done: Date | null, due: Date | null, stillOpen: boolean) =>
    due !== null && (done !== null ? done.getTime() > due.getTime() : stillOpen && now.getTime() > due.getTime());
  const response = c.status === 'rejected' ? (c.acceptedAt ?? c.closedAt) : c.acceptedAt;
  if (late(response, c.responseDueAt, c.status === 'submitted')) return true;
  if (c.status === 'rejected') return false;
  return late(settledAt(c), c.resolveDueAt, c.status !== 'resolved' && c.status !== 'closed');
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / MINUTE_MS;
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The figures of one set of cases. */
export function caseFiguresRowOf(groupId: number | null, groupName: string, cases: readonly CaseFiguresCase[], now: Date): CaseFiguresRow {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const c of cases) byStatus[c.status] += 1;
  const valid = cases.filter((c) => c.status !== 'rejected');
  const rated = cases.filter((c) => c.rating !== null);
  const acceptMinutes = cases.flatMap((c) => (c.acceptedAt ? [minutes(c.createdAt, c.acceptedAt)] : []));
  const resolveMinutes = cases.flatMap((c) => (c.resolvedAt ? [minutes(c.createdAt, c.resolvedAt)] : []));
  return {
    groupId,
    groupName,
    total: cases.length,
    byStatus,
    sameDayResolvedRate: share(valid.filter(caseSettledSameDay).length, valid.length),
    autoForwardRate: share(valid.filter(caseAutoForwarded).length, valid.length),
    medianAcceptMinutes: oneDecimal(caseFiguresMedian(acceptMinutes)),
    medianResolveMinutes: oneDecimal(caseFiguresMedian(resolveMinutes)),
    satisfactionRate: share(rated.filter((c) => c.rating! >= CASE_FIGURES_SATISFIED_MIN_SCORE).length, rated.length),
    rated: rated.length,
    overdue: cases.filter((c) => caseWasOverdue(c, now)).length,
  };
}

function groupKeyOf(c: CaseFiguresCase, groupBy: CaseFiguresGroupBy): number | null {
  switch (groupBy) {
    case 'grid':
      return c.gridId;
    case 'community':
      return c.communityId;
    case 'department':
      return c.leadDepartmentId;
  }
}

/**
 * Figures per group: every group listed (in name order, empty ones too, so a quiet grid shows as quiet),
 * then a row for cases in no group — or in a group not listed — when there are any, and the total.
 */
export function computeCaseFigures(
  groupBy: CaseFiguresGroupBy,
  groups: readonly CaseFiguresGroup[],
  cases: readonly CaseFiguresCase[],
  now: Date,
): { total: CaseFiguresRow; rows: CaseFiguresRow[] } {
  const byGroup = new Map<number | null, CaseFiguresCase[]>();
  const known = new Set(groups.map((g) => g.id));
  for (const c of cases) {
    const raw = groupKeyOf(c, groupBy);
    const key = raw !== null && known.has(raw) ? raw : null;
    const list = byGroup.get(key);
    if (list) list.push(c);
    else byGroup.set(key, [c]);
  }
  const rows = [...groups]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
    .map((g) => caseFiguresRowOf(g.id, g.name, byGroup.get(g.id) ?? [], now));
  const ungrouped = byGroup.get(null);
  if (ungrouped) rows.push(caseFiguresRowOf(null, CASE_FIGURES_UNGROUPED_LABEL[groupBy], ungrouped, now));
  return { total: caseFiguresRowOf(null, '合计', cases, now), rows };
}
