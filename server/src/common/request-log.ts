import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a request log line says about the request: enough to find it again, nothing private. */
export interface RequestLogFields {
  id: string | undefined;
  method: string | undefined;
  url: string | undefined;
  remoteAddress: string | undefined;
}

/**
 * pino-http serializes the request for a child logger on every request, whether or not a line is written
 * at the configured level; the standard serializer copies every header into a new object each time. The
 * request id, method, url and peer identify a request (the id also joins it to the error body); headers
 * — tokens among them — are left out altogether.
 */
export function requestLogFields(req: IncomingMessage & { id?: string; originalUrl?: string }): RequestLogFields {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress };
}

export function responseLogFields(res: ServerResponse): { statusCode: number } {
  return { statusCode: res.statusCode };
}

export const requestLogSerializers = { req: requestLogFields, res: responseLogFields };

/**
 * Load balancers ask for /api/health every few seconds; those requests are not logged. The middleware layer
 * may strip its mount path from `url`, so the path as requested (originalUrl) decides.
 */
export function isHealthProbe(req: IncomingMessage & { originalUrl?: string }): boolean {
  return (req.originalUrl ?? req.url)?.split('?')[0] === '/api/health';
}
