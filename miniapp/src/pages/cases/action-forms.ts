import {
  CASE_PHOTOS_MAX,
  CASE_RATING_COMMENT_MAX,
  CASE_REASON_MAX,
  type CaseAction,
  type CaseActionRequests,
  type CaseRejectKind,
} from '@linli/shared';

/** What a handler or reporter fills in before an action is sent; one shape for every action's form. */
export interface CaseActionForm {
  text: string;
  rejectKind: CaseRejectKind;
  duplicateOfCaseId: string;
  departmentId: number | null;
  photoIds: string[];
  score: number;
}

export const EMPTY_CASE_ACTION_FORM: CaseActionForm = { text: '', rejectKind: 'invalid', duplicateOfCaseId: '', departmentId: null, photoIds: [], score: 0 };

export interface CaseActionFormSpec {
  /** The text box's label and whether it must be filled. */
  text: { label: string; placeholder: string; required: boolean; max: number } | null;
  rejectKind: boolean;
  department: boolean;
  photos: boolean;
  score: boolean;
}

const NOTE = (label: string, required: boolean, placeholder = '') => ({ label, placeholder, required, max: CASE_REASON_MAX });

/** Which inputs each action asks for. Those with nothing to fill in are sent on a single tap. */
export const CASE_ACTION_FORMS: Record<CaseAction, CaseActionFormSpec> = {
  accept: { text: NOTE('受理说明（可不填）', false), rejectKind: false, department: false, photos: false, score: false },
  reject: { text: NOTE('驳回理由', true, '居民会看到这段理由'), rejectKind: true, department: false, photos: false, score: false },
  dispatch: { text: NOTE('派单说明（可不填）', false), rejectKind: false, department: true, photos: false, score: false },
  return: { text: NOTE('退回理由', true, '说明本部门为何无法办理'), rejectKind: false, department: false, photos: false, score: false },
  start: { text: null, rejectKind: false, department: false, photos: false, score: false },
  resolve: { text: NOTE('办理结果', true, '居民会看到办了什么'), rejectKind: false, department: false, photos: true, score: false },
  rate: { text: { label: '评价（可不填）', placeholder: '说说办理得怎么样', required: false, max: CASE_RATING_COMMENT_MAX }, rejectKind: false, department: false, photos: false, score: true },
  escalate: { text: NOTE('吹哨事由', true, '需要哪些部门一起来'), rejectKind: false, department: false, photos: false, score: false },
};

/** Whether the action needs a form, or goes out on one tap. */
export function actionNeedsForm(action: CaseAction): boolean {
  const spec = CASE_ACTION_FORMS[action];
  return spec.text !== null || spec.rejectKind || spec.department || spec.photos || spec.score;
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
