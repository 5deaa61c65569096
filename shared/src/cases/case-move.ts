import {
  CASE_EVENT_LABELS,
  CASE_STATUS_LABELS,
  CaseActor,
  CaseEvent,
  CaseGuardInput,
  CaseStatus,
  findCaseTransition,
} from './case-status';

export type CaseMoveRefusal = 'event_not_allowed_in_status' | 'actor_not_allowed';

/**
 * The outcome of firing an event, in the form a service needs: where the case goes and whether its status
 * changes (a 吹哨 is still recorded even though it does not), or why it was refused in words for the user.
 */
export type CaseMove =
  | { ok: true; from: CaseStatus; event: CaseEvent; to: CaseStatus; statusChanged: boolean }
  | { ok: false; from: CaseStatus; event: CaseEvent; reason: CaseMoveRefusal; message: string };

export function decideCaseMove(from: CaseStatus, event: CaseEvent, actor: CaseActor, input: CaseGuardInput = {}): CaseMove {
  const transition = findCaseTransition(from, event, input);
  if (!transition) {
    return {
      ok: false,
      from,
      event,
      reason: 'event_not_allowed_in_status',
      message: `案件当前为「${CASE_STATUS_LABELS[from]}」，不能${CASE_EVENT_LABELS[event]}`,
    };
  }
  if (!transition.actors.includes(actor)) {
    return {
      ok: false,
      from,
      event,
      reason: 'actor_not_allowed',
      message: `您无权对该案件执行「${CASE_EVENT_LABELS[event]}」`,
    };
  }
  return { ok: true, from, event, to: transition.to, statusChanged: transition.to !== from };
}
