import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiErrorBody } from '@linli/shared';
import { mapError } from './error-mapping';
import { requestIdOf } from './request-id';

const logger = new Logger('ApiError');

function send(error: unknown, req: Request, res: Response): void {
  const mapped = mapError(error);
  const requestId = requestIdOf(req);
  if (mapped.unexpected) {
    logger.error({ err: error, requestId, method: req.method, url: req.originalUrl }, 'unexpected error');
  }
  if (res.headersSent) return;
  const payload: ApiErrorBody = { ...mapped.body, requestId };
  res.status(mapped.status).json(payload);
}

/** The one exception filter: every failing request answers with ApiErrorBody. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    send(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/**
 * Express error middleware for failures before Nest routing (the JSON body parser: too large,
 * malformed), which the Nest filter never sees. Same mapping, same shape.
 */
export function expressErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  send(error, req, res);
}
