import { VOLUNTEER_CAPACITY_MAX } from '../input/bounds';

/**
 * Every way a volunteer rule can say no. The code is stable (clients branch on it); the message is what a
 * resident reads. The HTTP status is a hint for the exception filter so all endpoints answer alike.
 */
export const VOLUNTEER_ERRORS = {
  signup_closed: { status: 409, message: '活动已开始，报名已截止' },
  duplicate_signup: { status: 409, message: '您已报名该活动，请勿重复报名' },
  not_signed_up: { status: 409, message: '您尚未报名该活动' },
  already_cancelled: { status: 409, message: '该报名已取消' },
  outside_window: { status: 422, message: '当前不在活动签到签退时间内' },
  too_far: { status: 422, message: '您不在活动地点签到范围内' },
  location_required: { status: 422, message: '请开启定位后再签到' },
  invalid_location: { status: 400, message: '定位信息无效，请重新定位' },
  method_not_allowed: { status: 422, message: '该活动不支持此签到方式' },
  already_checked_in: { status: 409, message: '您已签到，无需重复签到' },
  not_checked_in: { status: 409, message: '您尚未签到，无法签退' },
  already_checked_out: { status: 409, message: '您已签退' },
  checkout_before_checkin: { status: 422, message: '签退时间不能早于签到时间' },
  reason_required: { status: 422, message: '请填写修改原因' },
  reason_too_long: { status: 422, message: '修改原因不能超过200字' },
  invalid_time_range: { status: 422, message: '活动结束时间必须晚于开始时间' },
  invalid_capacity: { status: 422, message: `招募人数须为 1 至 ${VOLUNTEER_CAPACITY_MAX} 之间的整数` },
  invalid_radius: { status: 422, message: '签到范围须在20米至2000米之间' },
  unknown_theme: { status: 422, message: '未知的活动主题' },
  activity_cancelled: { status: 409, message: '活动已取消' },
  activity_started: { status: 409, message: '活动已开始，不能再修改或取消' },
  cancel_reason_required: { status: 422, message: '请填写取消原因' },
  cancel_reason_too_long: { status: 422, message: '取消原因不能超过200字' },
} as const satisfies Record<string, { status: number; message: string }>;

export type VolunteerErrorCode = keyof typeof VOLUNTEER_ERRORS;

/** A refusal in the shape the API error body wants (`error` + `message`), with optional facts for the UI. */
export interface VolunteerRuleError {
  ok: false;
  error: VolunteerErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function volunteerError(error: VolunteerErrorCode, details?: Record<string, unknown>): VolunteerRuleError {
  const refusal: VolunteerRuleError = { ok: false, error, message: VOLUNTEER_ERRORS[error].message };
  if (details) refusal.details = details;
  return refusal;
}
