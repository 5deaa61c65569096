import 'reflect-metadata';
import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DatabaseBusyError } from '../database/connection-waits';
import { ApiException } from './api-exception';
import { mapError } from './error-mapping';
import { createValidationPipe } from './validation';
import { IsInt, IsString } from 'class-validator';

// better-sqlite3 ships no type declarations; only these three calls are used.
interface SqliteDb {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => SqliteDb;

/** A real unique-key violation from SQLite, wrapped the way TypeORM wraps it. */
function sqliteDuplicate(): QueryFailedError {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k TEXT UNIQUE)');
  db.prepare('INSERT INTO t (k) VALUES (?)').run('a');
  try {
    db.prepare('INSERT INTO t (k) VALUES (?)').run('a');
  } catch (driverError) {
    return new QueryFailedError('INSERT INTO t (k) VALUES (?)', ['a'], driverError as Error);
  } finally {
    db.close();
  }
  throw new Error('expected a unique violation');
}

class Probe {
  @IsString() name: string;
  @IsInt() age: number;
}

describe('mapError', () => {
  it('keeps the status, code, message and details a service chose', () => {
    const mapped = mapError(new ApiException(409, 'conflict', '您已提交过该房屋的认证申请', { residencyId: 7 }));
    expect(mapped).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'conflict', message: '您已提交过该房屋的认证申请', details: { residencyId: 7 } },
      unexpected: false,
    });
  });

  it('replaces English framework messages with a Chinese one and a stable code', () => {
    const mapped = mapError(new NotFoundException('Cannot GET /api/nowhere'));
    expect(mapped.status).toBe(404);
    expect(mapped.body.error).toBe('not_found');
    expect(mapped.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(mapped.body.message).not.toContain('Cannot GET');
  });

  it('passes on a Chinese message given to a plain Nest exception', () => {
    const mapped = mapError(new ForbiddenException('只有本社区居委会可以审核'));
    expect(mapped.body).toEqual({ statusCode: 403, error: 'forbidden', message: '只有本社区居委会可以审核' });
  });

  it('turns a unique-constraint violation from the database into 409 conflict', () => {
    const mapped = mapError(sqliteDuplicate());
    expect(mapped.status).toBe(409);
    expect(mapped.body.error).toBe('conflict');
  });

  it('recognises the MySQL duplicate-entry error as a conflict too', () => {
    const driverError = Object.assign(new Error("Duplicate entry 'a' for key 'k'"), { code: 'ER_DUP_ENTRY', errno: 1062 });
    expect(mapError(new QueryFailedError('INSERT', [], driverError)).status).toBe(409);
  });

  it('treats other database failures as unexpected internal errors', () => {
    const driverError = Object.assign(new Error('no such table: x'), { code: 'SQLITE_ERROR' });
    const mapped = mapError(new QueryFailedError('SELECT * FROM x', [], driverError));
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
  });

  it("maps the body parser's refusals (which reach the filter as HTTP exceptions) without their English wording", () => {
    const tooLarge = mapError(new HttpException('Request body is too large', 413));
    expect(tooLarge).toMatchObject({ status: 413, unexpected: false, body: { error: 'payload_too_large', message: '提交的内容过大' } });
    const malformed = mapError(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400));
    expect(malformed).toMatchObject({ status: 400, body: { error: 'bad_request', message: '请求格式不正确' } });
  });

  it('answers 503 service_busy with Retry-After when no database connection came in time, wrapped or not', () => {
    const busy = new DatabaseBusyError(3000);
    const wrapped = Object.assign(new QueryFailedError('SELECT 1', [], new Error('x')), { driverError: busy });
    for (const error of [busy, wrapped]) {
      const mapped = mapError(error);
      expect(mapped).toMatchObject({ status: 503, unexpected: false, headers: { 'Retry-After': '2' } });
      expect(mapped.body).toMatchObject({ statusCode: 503, error: 'service_busy' });
      expect(mapped.body.message).toMatch(/稍后再试/);
    }
  });

  it('passes on the headers an ApiException carries, such as Retry-After', () => {
    const mapped = mapError(new ApiException(503, 'uploads_busy', '上传照片的人太多，请稍后重试', undefined, { 'Retry-After': '5' }));
    expect(mapped).toMatchObject({ status: 503, unexpected: false, headers: { 'Retry-After': '5' } });
    expect(mapError(new ApiException(404, 'not_found', '照片不存在')).headers).toBeUndefined();
  });

  it('answers a 429 from any source with the rate-limit code and its Chinese message', () => {
    expect(mapError(new HttpException('ThrottlerException: Too Many Requests', 429))).toMatchObject({
      status: 429,
      unexpected: false,
      body: { error: 'rate_limited', message: '操作太频繁，请稍后再试' },
    });
  });

  it('hides the internals of an unexpected error and marks it for logging', () => {
    const mapped = mapError(new TypeError('Cannot read properties of undefined (reading "id")'));
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
    expect(JSON.stringify(mapped.body)).not.toContain('undefined');
    expect(mapped.body.error).toBe('internal_error');
  });

  it('gives unusual HTTP statuses a code from their class', () => {
    expect(mapError(new HttpException('I am a teapot', 418)).body.error).toBe('bad_request');
    expect(mapError(new HttpException('Bad Gateway', 503)).body.error).toBe('internal_error');
    expect(mapError(new BadRequestException()).body.error).toBe('bad_request');
  });
});

describe('validation pipe', () => {
  it('lists every offending and every unknown field in details', async () => {
    const pipe = createValidationPipe();
    let caught: unknown;
    try {
      await pipe.transform({ name: 3, age: 'x', extra: true }, { type: 'body', metatype: Probe });
    } catch (error) {
      caught = error;
    }
    const mapped = mapError(caught);
    expect(mapped.status).toBe(400);
    expect(mapped.body.error).toBe('validation_failed');
    const fields = (mapped.body.details as Array<{ field: string }>).map((d) => d.field).sort();
    expect(fields).toEqual(['age', 'extra', 'name']);
    expect(mapped.body.message).toContain('extra');
  });
});
