/** Whose inbox rooms hear about a change. */
export interface InboxTargets {
  userIds: number[];
  departmentIds: number[];
  communityIds: number[];
  streetIds: number[];
}

/** The fields of a case audit row's before/after snapshots that decide whose inbox a change concerns. */
export interface CaseAuditSnapshot {
  status?: unknown;
  queue?: unknown;
  handlerUserId?: unknown;
  leadDepartmentId?: unknown;
  departmentIds?: unknown;
}

/** One change of a case as its audit row records it (`action` is the audit action: submit, accept, remind_response…). */
export interface CaseChange {
  action: string;
  before: CaseAuditSnapshot | null;
  after: CaseAuditSnapshot | null;
  /** The case's community (fixed for the case's life); null for a point outside every grid. */
  communityId: number | null;
  /** The case's street; null when the point is far from every grid (the district's queue). */
  streetId: number | null;
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number' && Number.isInteger(v));

/**
 * Whose inbox a change concerns, read from the change's audit row: the handler before and after; the departments
 * working the case before and after; the community's dispatch inbox when the case is or was in the community's
 * dispatch queue, nobody holds it, it was reopened (back to the supervisor) or someone blew the whistle (吹哨); and
 * the street's when the case is or was in the street's dispatch queue or the whistle was blown (吹哨 reaches the
 * street office, which calls the departments in).
 * The live nudges at the time of the change and the catch-up after a reconnect both come from this one rule, so a
 * reconnecting inbox hears of exactly the changes it would have heard live.
 */
export function caseInboxTargets(change: CaseChange): InboxTargets {
  const { before, after, communityId, streetId } = change;
  const userIds = [...new Set([...ids(before?.handlerUserId), ...ids(after?.handlerUserId)])];
  const departmentIds = [
    ...new Set([...ids(before?.departmentIds), ...ids(before?.leadDepartmentId), ...ids(after?.departmentIds), ...ids(after?.leadDepartmentId)]),
  ];
  const unheld = after !== null && 'handlerUserId' in after && after.handlerUserId === null;
  const community =
    communityId !== null &&
    (after?.queue === 'community_dispatch' || before?.queue === 'community_dispatch' || after?.status === 'reopened' || change.action === 'escalate' || unheld);
  const street = streetId !== null && (after?.queue === 'street_dispatch' || before?.queue === 'street_dispatch' || change.action === 'escalate');
  return { userIds, departmentIds, communityIds: community ? [communityId] : [], streetIds: street ? [streetId] : [] };
}
