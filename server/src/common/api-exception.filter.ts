import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorBody } from '@linli/shared';
import { mapError } from './error-mapping';

const logger = new Logger('ApiError');

/** Maps the error, logs it when unexpected, and answers with ApiErrorBody unless a response has begun. */
export function sendApiError(error: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const mapped = mapError(error);
  const requestId = req.id;
  if (mapped.unexpected) {
    logger.error({ err: error, requestId, method: req.method, url: req.url }, 'unexpected error');
  }
  // A download streams straight to the socket (the reply is hijacked): once it has begun, only the log is left.
  if (reply.sent || reply.raw.headersSent) return;
  const payload: ApiErrorBody = { ...mapped.body, requestId };
  if (mapped.headers) void reply.headers(mapped.headers);
  void reply.status(mapped.status).send(payload);
}

/**
 * The one exception filter: every failing request answers with ApiErrorBody. Failures before Nest's routing
 * (Fastify's body parsers: too large, malformed) reach it too, through the error handler Nest gives Fastify.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    sendApiError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
