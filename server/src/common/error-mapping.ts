import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorBody, ApiErrorCode, RATE_LIMIT_ERRORS, SERVICE_ERRORS } from '@linli/shared';
import { QueryFailedError } from 'typeorm';
import { isDatabaseBusy } from '../database/connection-waits';
import { ApiException } from './api-exception';

/** Seconds a client is asked to wait before sending a request the server was too busy for. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** The code and the message a resident reads when nothing more specific was given. */
const DEFAULTS: Record<number, { code: ApiErrorCode; message: string }> = {
  400: { code: 'bad_request', message: '请求格式不正确' },
  401: { code: 'unauthenticated', message: '请先登录' },
  403: { code: 'forbidden', message: '您没有权限进行此操作' },
  404: { code: 'not_found', message: '您要找的内容不存在' },
  409: { code: 'conflict', message: '该记录已存在或状态已变化，请刷新后重试' },
  413: { code: 'payload_too_large', message: '提交的内容过大' },
  422: { code: 'unprocessable', message: '提交的内容无法处理' },
  429: { code: 'rate_limited', message: RATE_LIMIT_ERRORS.rate_limited.message },
  502: { code: 'upstream_failed', message: '外部服务暂时不可用，请稍后再试' },
  500: { code: 'internal_error', message: '服务器开小差了，请稍后再试' },
};

export interface MappedError {
  status: number;
  body: Omit<ApiErrorBody, 'requestId'>;
  /** Unexpected failures: log the stack (never send it). */
  unexpected: boolean;
  /** Extra response headers, e.g. Retry-After on 503. */
  headers?: Record<string, string>;
}

const CJK = /[\u4e00-\u9fff]/;

function fallbackFor(status: number): { code: ApiErrorCode; message: string } {
  if (DEFAULTS[status]) return DEFAULTS[status];
  if (status >= 500) return DEFAULTS[500];
  return { code: 'bad_request', message: DEFAULTS[400].message };
}

function body(status: number, code: string, message: string, details?: unknown): MappedError['body'] {
  return details === undefined ? { statusCode: status, error: code, message } : { statusCode: status, error: code, message, details };
}

/** SQLite (better-sqlite3) and MySQL/MariaDB (mysql2) spell a unique-key violation differently. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError;
  return (
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    driver?.code === 'ER_DUP_ENTRY' ||
    driver?.errno === 1062
  );
}

/**
 * Maps anything thrown while handling a request to the one error body. Pure, so every branch is
 * unit-tested; the filter only adds the request id and writes the response.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof ApiException) {
    const mapped: MappedError = { status: error.getStatus(), body: body(error.getStatus(), error.code, error.message, error.details), unexpected: false };
    return error.headers ? { ...mapped, headers: error.headers } : mapped;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const fallback = fallbackFor(status);
    const response = error.getResponse();
    const given = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    // Framework messages are English ("Cannot GET /x"); only pass on messages written for residents.
    const message = typeof given === 'string' && CJK.test(given) ? given : fallback.message;
    return { status, body: body(status, fallback.code, message), unexpected: status >= 500 };
  }
  if (isDatabaseBusy(error)) {
    const { status, message } = SERVICE_ERRORS.service_busy;
    return { status, body: body(status, 'service_busy', message), unexpected: false, headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) } };
  }
  if (isUniqueViolation(error)) {
    return { status: HttpStatus.CONFLICT, body: body(409, 'conflict', DEFAULTS[409].message), unexpected: false };
  }
  return { status: 500, body: body(500, 'internal_error', DEFAULTS[500].message), unexpected: true };
}
