import { MEDIA_ERRORS, MediaErrorCode } from '@linli/shared';
import { ApiException } from '../common/api-exception';

/**
 * A refusal from the media module: its code, status and message come from the one table in shared/ (MEDIA_ERRORS).
 * `retryAfterSeconds` (for the 503s) becomes the response's Retry-After header.
 */
export class MediaException extends ApiException {
  constructor(
    readonly mediaCode: MediaErrorCode,
    details?: Record<string, unknown>,
    retryAfterSeconds?: number,
  ) {
    const headers = retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) };
    super(MEDIA_ERRORS[mediaCode].status, mediaCode, MEDIA_ERRORS[mediaCode].message, details, headers);
  }
}
