import {
  CASE_ACTOR_LABELS,
  CASE_PHOTOS_MAX,
  CASE_RATING_COMMENT_MAX,
  CASE_REASON_MAX,
  orderHandlerCandidates,
  type CaseAction,
  type CaseActionRequests,
  type CaseHandlerCandidate,
  type CaseRejectKind,
} from '@linli/shared';

/** What a handler or reporter fills in before an action is sent; one shape for every action's form. */
export interface CaseActionForm {
  text: string;
  rejectKind: CaseRejectKind;
  duplicateOfCaseId: string;
  departmentId: number | null;
  /** 转派: the chosen new handler. */
  handlerUserId: number | null;
  photoIds: string[];
  score: number;
}

export const EMPTY_CASE_ACTION_FORM: CaseActionForm = {
  text: '',
  rejectKind: 'invalid',
  duplicateOfCaseId: '',
  departmentId: null,
  handlerUserId: null,
  photoIds: [],
  score: 0,
};

export interface CaseActionFormSpec {
  /** The text box's label and whether it must be filled. */
  text: { label: string; placeholder: string; required: boolean; max: number } | null;
  rejectKind: boolean;
  department: boolean;
  /** Choose the new handler from the case's handler candidates. */
  handler: boolean;
  photos: boolean;
  score: boolean;
}

const NOTE = (label: string, required: boolean, placeholder = '') => ({ label, placeholder, required, max: CASE_REASON_MAX });

const NOTHING: CaseActionFormSpec = { text: null, rejectKind: false, department: false, handler: false, photos: false, score: false };

/** Which inputs each action asks for. Those with nothing to fill in are sent on a single tap. */
export const CASE_ACTION_FORMS: Record<CaseAction, CaseActionFormSpec> = {
  accept: { ...NOTHING, text: NOTE('受理说明（可不填）', false) },
  reject: { ...NOTHING, text: NOTE('驳回理由', true, '居民会看到这段理由'), rejectKind: true },
  dispatch: { ...NOTHING, text: NOTE('派单说明（可不填）', false), department: true },
  reassign: { ...NOTHING, text: NOTE('转派说明（可不填）', false, '例如：该点位属第2网格'), handler: true },
  return: { ...NOTHING, text: NOTE('退回理由', true, '说明本部门为何无法办理') },
  start: NOTHING,
  resolve: { ...NOTHING, text: NOTE('办理结果', true, '居民会看到办了什么'), photos: true },
  rate: { ...NOTHING, text: { label: '评价（可不填）', placeholder: '说说办理得怎么样', required: false, max: CASE_RATING_COMMENT_MAX }, score: true },
  escalate: { ...NOTHING, text: NOTE('吹哨事由', true, '需要哪些部门一起来') },
};

/** Whether the action needs a form, or goes out on one tap. */
export function actionNeedsForm(action: CaseAction): boolean {
  const spec = CASE_ACTION_FORMS[action];
  return spec.text !== null || spec.rejectKind || spec.department || spec.handler || spec.photos || spec.score;
}

/** One line of the 转派 list. */
export interface HandlerChoice {
  userId: number;
  name: string;
  /** Where they work, whether on duty, how many open cases: "第2网格 · 在岗 · 在办 3 件". */
  detail: string;
  /** The current handler is shown but cannot be chosen. */
  selectable: boolean;
  tag: string | null;
}

/** Where a candidate works: 第2网格, 社区派单员, 洪桥街道派单员; with the community when the list spans several. */
function seatLabel(c: CaseHandlerCandidate, withCommunity: boolean): string {
  if (c.communityName === null) return `${c.streetName ?? '街道'}${CASE_ACTOR_LABELS.dispatcher}`;
  const seat = c.gridName ?? `社区${CASE_ACTOR_LABELS.dispatcher}`;
  return withCommunity ? `${c.communityName}${seat}` : seat;
}

/**
 * The people a case may be handed to, on duty first, then fewest open cases (the shared order). Community names are
 * added only when the list spans several communities (a case outside every grid, offered to a whole street).
 */
export function handlerChoices(candidates: readonly CaseHandlerCandidate[]): HandlerChoice[] {
  const manyCommunities = new Set(candidates.flatMap((c) => (c.communityId === null ? [] : [c.communityId]))).size > 1;
  return orderHandlerCandidates(candidates).map((c) => {
    const where = seatLabel(c, manyCommunities);
    return {
      userId: c.userId,
      name: c.name,
      detail: [where, c.onDuty ? '在岗' : '不在岗', `在办 ${c.openCases} 件`].join(' · '),
      selectable: !c.isCurrentHandler,
      tag: c.isCurrentHandler ? '当前处理人' : null,
    };
  });
}

type Built<A extends CaseAction> = { body: CaseActionRequests[A]; error: null } | { body: null; error: string };

/** Checks the form for an action and builds its request body, carrying the version the person saw. */
export function buildCaseActionRequest<A extends CaseAction>(action: A, form: CaseActionForm, expectedVersion: number): Built<A> {
  const spec = CASE_ACTION_FORMS[action];
  const text = form.text.trim();
  if (spec.text?.required && !text) return { body: null, error: `请填写${spec.text.label}` };
  if (spec.text && text.length > spec.text.max) return { body: null, error: `${spec.text.label}不能超过 ${spec.text.max} 字` };
  if (spec.photos && (form.photoIds.length < 1 || form.photoIds.length > CASE_PHOTOS_MAX)) return { body: null, error: '请上传办结后的现场照片' };
  if (spec.score && !(form.score >= 1 && form.score <= 5)) return { body: null, error: '请先选择满意程度（1–5 星）' };
  if (spec.handler && form.handlerUserId === null) return { body: null, error: '请选择转派给谁' };

  const optional = text ? text : undefined;
  let body: CaseActionRequests[CaseAction];
  switch (action) {
    case 'reject': {
      const duplicateOf = Number(form.duplicateOfCaseId);
      if (form.rejectKind === 'duplicate' && form.duplicateOfCaseId.trim() && !(Number.isInteger(duplicateOf) && duplicateOf > 0)) {
        return { body: null, error: '重复的案件编号应为数字' };
      }
      body = { expectedVersion, kind: form.rejectKind, reason: text, ...(form.rejectKind === 'duplicate' && duplicateOf > 0 ? { duplicateOfCaseId: duplicateOf } : {}) };
      break;
    }
    case 'dispatch':
      body = { expectedVersion, ...(form.departmentId !== null ? { departmentId: form.departmentId } : {}), ...(optional ? { note: optional } : {}) };
      break;
    case 'reassign':
      body = { expectedVersion, handlerUserId: form.handlerUserId!, ...(optional ? { note: optional } : {}) };
      break;
    case 'return':
      body = { expectedVersion, reason: text };
      break;
    case 'resolve':
      body = { expectedVersion, note: text, photoIds: form.photoIds };
      break;
    case 'rate':
      body = { expectedVersion, score: form.score, ...(optional ? { comment: optional } : {}) };
      break;
    case 'escalate':
      body = { expectedVersion, note: text };
      break;
    default:
      body = { expectedVersion, ...(optional ? { note: optional } : {}) };
  }
  return { body: body as CaseActionRequests[A], error: null };
}
