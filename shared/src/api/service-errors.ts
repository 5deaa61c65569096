/**
 * Refusals that come from the server's capacity, not from what was asked: the request was fine and may be
 * sent again later (the response carries Retry-After). Code → HTTP status → what a resident reads.
 */
export const SERVICE_ERRORS = {
  service_busy: { status: 503, message: '当前使用人数较多，请稍后再试' },
  shutting_down: { status: 503, message: '服务正在重启，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ServiceErrorCode = keyof typeof SERVICE_ERRORS;
