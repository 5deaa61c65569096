import { EXCLUSIVE_AREA_MAX, type ResidencyApplication, type ResidencyRelation } from '@linli/shared';

/** What the residency form holds while the resident types: every field as entered. */
export interface ResidencyFormState {
  communityId: number | null;
  building: string;
  unit: string;
  room: string;
  relation: ResidencyRelation;
  exclusiveArea: string;
  realName: string;
}

export type ResidencyFormErrors = Partial<Record<keyof ResidencyFormState, string>>;

export const EMPTY_RESIDENCY_FORM: ResidencyFormState = {
  communityId: null,
  building: '',
  unit: '',
  room: '',
  relation: 'owner',
  exclusiveArea: '',
  realName: '',
};

/**
 * Turns the form into the request body, catching only what the resident can fix before sending
 * (blank fields, an area that is not a number). The server validates everything again and has the last word.
 */
export function toResidencyApplication(
  form: ResidencyFormState,
): { application: ResidencyApplication; errors?: undefined } | { application?: undefined; errors: ResidencyFormErrors } {
  const errors: ResidencyFormErrors = {};
  const building = form.building.trim();
  const unit = form.unit.trim();
  const room = form.room.trim();
  const realName = form.realName.trim();
  if (form.communityId === null) errors.communityId = '请选择社区';
  if (!building) errors.building = '请填写楼栋';
  if (!unit) errors.unit = '请填写单元，没有单元可填“无”';
  if (!room) errors.room = '请填写房号';
  if (!realName) errors.realName = '请填写真实姓名';

  let exclusiveArea: number | undefined;
  if (form.relation === 'owner') {
    const raw = form.exclusiveArea.trim();
    const area = Number(raw);
    if (!raw) errors.exclusiveArea = '业主请填写专有部分面积';
    else if (!Number.isFinite(area) || area <= 0) errors.exclusiveArea = '面积须为大于 0 的数字（平方米）';
    else if (area > EXCLUSIVE_AREA_MAX) errors.exclusiveArea = `面积不能超过 ${EXCLUSIVE_AREA_MAX} 平方米，请按房产证填写`;
    else exclusiveArea = Math.round(area * 100) / 100;
  }

  if (Object.keys(errors).length > 0) return { errors };
  const application: ResidencyApplication = {
    communityId: form.communityId as number,
    building,
    unit,
    room,
    relation: form.relation,
    realName,
  };
  // Only owners' exclusive area counts in area-weighted votes; tenants and family members send none.
  if (exclusiveArea !== undefined) application.exclusiveArea = exclusiveArea;
  return { application };
}

/**
 * Marks the fields a failed submission names in `details` ({field, messages}[] from the server's validation),
 * each with the server's first (Chinese) message for it; the summary `message` is shown above the button.
 */
export function fieldErrorsFromDetails(details: unknown): ResidencyFormErrors {
  if (!Array.isArray(details)) return {};
  const known = Object.keys(EMPTY_RESIDENCY_FORM);
  const errors: ResidencyFormErrors = {};
  for (const item of details) {
    const { field, messages } = item && typeof item === 'object' ? (item as { field?: unknown; messages?: unknown }) : { field: undefined, messages: undefined };
    const first = Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : '请检查此项';
    if (typeof field === 'string' && known.includes(field)) errors[field as keyof ResidencyFormState] = first;
  }
  return errors;
}
