import { HttpException } from '@nestjs/common';
import { ApiErrorCode } from '@linli/shared';

/**
 * An error a service throws on purpose: a status, the stable machine code and a message a resident
 * can read. The exception filter turns it into the one error body, with `headers` on the response
 * (e.g. Retry-After on a 503).
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super({ statusCode: status, error: code, message, details }, status);
  }
}
