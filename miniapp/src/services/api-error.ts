import type { ApiErrorBody } from '@linli/shared';

/**
 * A failed API call, carrying the server's one error shape. Pages show `message`, which the server
 * writes in Chinese for residents; `error` is the stable code to branch on.
 */
export class ApiError extends Error implements ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: unknown;
  readonly requestId?: string;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
    this.requestId = body.requestId;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== 'object') return false;
  const body = value as Record<string, unknown>;
  return typeof body.message === 'string' && typeof body.error === 'string';
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在',
  413: '上传的内容过大',
  500: '服务器开小差了，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
};

/** Turns any failed response into an ApiError, even when a proxy answered with HTML or nothing. */
export function toApiError(statusCode: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError({ ...body, statusCode: typeof body.statusCode === 'number' ? body.statusCode : statusCode });
  }
  const message = FALLBACK_MESSAGES[statusCode] ?? (statusCode >= 500 ? FALLBACK_MESSAGES[500] : '请求失败，请稍后再试');
  return new ApiError({ statusCode, error: statusCode >= 500 ? 'internal_error' : 'bad_request', message });
}

/** The network never answered (offline, DNS, refused, timeout). statusCode 0 marks "no response". */
export function networkError(): ApiError {
  return new ApiError({ statusCode: 0, error: 'network_error', message: '网络连接失败，请检查网络后重试' });
}

/** What a page should print for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '出错了，请稍后再试';
}
