import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyError, FastifyInstance } from 'fastify';
import { sendApiError } from '../common/api-exception.filter';
import { h5CacheControl } from './h5-cache-policy';
import { inlineScriptHashes } from './h5-csp';

/** The CSP hashes of index.html's inline scripts; none when the build is absent (API-only deployments, tests). */
export function h5ScriptHashes(h5Dir: string): string[] {
  const index = join(h5Dir, 'index.html');
  return existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
}

/**
 * Serves the H5 build at `/`: content-hashed bundles cached for a year, everything else (index.html first)
 * revalidated on each load. Its router uses the URL's hash, so files are all there is to serve; a missing file
 * falls through to the JSON 404.
 */
export async function serveH5(fastify: FastifyInstance, root: string): Promise<void> {
  // Its own scope, so its error handler covers only the files.
  await fastify.register(async (scope) => {
    // The file sender refuses paths that climb out of the root (`/%2e%2e/…`) with 403 and undecodable ones with
    // 400: such a path names no file, so it is answered like any missing one rather than as a server failure.
    scope.setErrorHandler((error: FastifyError, req, reply) => {
      const status = error.statusCode ?? 500;
      const answer = status === 400 || status === 403 ? new NotFoundException() : status < 500 ? new HttpException(error.message, status) : error;
      sendApiError(answer, req, reply);
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', h5CacheControl(path)),
    });
  });
}
