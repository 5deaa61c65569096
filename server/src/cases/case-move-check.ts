import { CaseActor, CaseEvent, CaseTransition, CASE_EVENT_LABELS, decideCaseMove, findCaseTransition } from '@linli/shared';
import { CaseErrors } from './case-errors';
import type { Case } from './entities';

/**
 * The transition an event takes on the case now and the part the caller fires it in, or the refusal: 409 when
 * the case's status does not allow the event, 403 when none of the caller's parts in the case may fire it.
 */
export function checkCaseMove(row: Pick<Case, 'status' | 'reopenCount'>, event: CaseEvent, actors: readonly CaseActor[]): { transition: CaseTransition; actor: CaseActor } {
  const transition = findCaseTransition(row.status, event, { reopenCount: row.reopenCount });
  if (!transition) {
    const refusal = decideCaseMove(row.status, event, actors[0] ?? 'reporter', { reopenCount: row.reopenCount });
    throw CaseErrors.wrongStatus(refusal.ok ? `案件当前状态不能${CASE_EVENT_LABELS[event]}` : refusal.message);
  }
  const actor = actors.find((a) => transition.actors.includes(a));
  if (!actor) throw CaseErrors.notYourMove(`您无权对该案件执行「${CASE_EVENT_LABELS[event]}」`);
  return { transition, actor };
}
