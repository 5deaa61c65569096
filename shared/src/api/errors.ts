import type { InputErrorCode } from '../input/input-errors';
import type { MediaErrorCode } from '../media/media-errors';
import type { ServiceErrorCode } from './service-errors';
import type { RateLimitErrorCode } from './rate-limit-errors';

/** The one error body every failing API call returns. `error` is a stable machine code; `message` is for people. */
export interface ApiErrorBody {
  statusCode: number;
  error: ApiErrorCode | string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'upstream_failed'
  | 'internal_error'
  | ServiceErrorCode
  | InputErrorCode
  | MediaErrorCode
  | RateLimitErrorCode;
