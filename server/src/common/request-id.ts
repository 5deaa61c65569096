import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accept a caller's id only if it is a sane token, so logs cannot be polluted through the header. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's `x-request-id` when it is a sane token, a fresh UUID otherwise. Fastify
 * keeps it as `request.id` (and on the raw request for middleware such as the request logger), so a log
 * line, the response header and an error body all carry the same id.
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
