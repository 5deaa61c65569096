import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accept a caller's id only if it is a sane token, so logs cannot be polluted through the header. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string | undefined {
  return (req as Request & { id?: string }).id;
}

/**
 * First middleware of all: gives each request an id (the caller's `x-request-id` or a fresh UUID),
 * echoes it in the response, and lets the logger and the error body use the same value.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  (req as Request & { id?: string }).id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}
