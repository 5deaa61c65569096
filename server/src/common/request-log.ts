/** What a request log line says about the request: enough to find it again, nothing private (no headers). */
export interface RequestLogFields {
  id: string | undefined;
  method: string | undefined;
  url: string | undefined;
  remoteAddress: string | undefined;
}

/** The slice of a pino logger the request log needs. */
export interface RequestLogger {
  isLevelEnabled(level: string): boolean;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const HEALTH_PATH = '/api/health';

/** Load balancers ask for /api/health every few seconds; those requests are not logged. */
export function isHealthProbe(url: string | undefined): boolean {
  return url?.split('?')[0] === HEALTH_PATH;
}

/**
 * One line per answered request (health probes excepted): info for success, warn for a refusal (4xx), error
 * for a failure (5xx), with the request's id (the same as in its response header and error body), method,
 * url, peer, status and time taken.
 */
export function logRequestCompleted(logger: RequestLogger, req: RequestLogFields, statusCode: number, responseTimeMs: number): void {
  if (isHealthProbe(req.url)) return;
  const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  // Flat fields: the logger's standard req/res serializers expect Node's request and response objects.
  logger[level]({ reqId: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress, statusCode, responseTime: Math.round(responseTimeMs) }, 'request completed');
}
