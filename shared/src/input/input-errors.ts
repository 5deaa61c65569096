/** Refusals of input as such (shape, place), whichever feature it was sent to. Code → HTTP status → Chinese message. */
export const INPUT_ERRORS = {
  outside_service_area: { status: 422, message: '该位置不在本区服务范围内，请确认定位后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type InputErrorCode = keyof typeof INPUT_ERRORS;
