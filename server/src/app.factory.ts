import 'reflect-metadata';
import { existsSync } from 'node:fs';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import { MEDIA_MAX_UPLOAD_BYTES, SERVICE_ERRORS } from '@linli/shared';
import { HttpException, INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter, sendApiError } from './common/api-exception.filter';
import { corsOrigins } from './common/cors';
import { CorsIoAdapter } from './common/cors-io-adapter';
import { Draining } from './common/draining';
import { BUSY_RETRY_AFTER_SECONDS } from './common/error-mapping';
import { REQUEST_ID_HEADER, requestIdFor } from './common/request-id';
import { logRequestCompleted } from './common/request-log';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { bodyLimitBytes } from './config/body-limit';
import { loadConfigFromEnvironment } from './config/environment';
import { contentSecurityPolicy } from './h5/h5-csp';
import { h5ScriptHashes, serveH5 } from './h5/h5-static';

export const API_PREFIX = 'api';

/**
 * Builds the fully configured, initialised application (migrated, seeded when asked) without
 * listening, so main.ts and the API tests run exactly the same server.
 *
 * The HTTP layer is Fastify: on the ballot path Nest over Express spent more time routing and parsing than
 * the ballot itself; Fastify's router and JSON handling cost a fraction of that (see README, Dependencies).
 */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<INestApplication> {
  const config = loadConfigFromEnvironment(overrides);
  const bodyLimit = bodyLimitBytes(config.bodyLimit);
  const h5 = existsSync(config.h5Dir);
  // Security headers on every answer, API and H5 alike (see security-headers.ts for why they are computed once);
  // the CSP allows the H5 build's one inline script by hash.
  const security = securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(h5 ? h5ScriptHashes(config.h5Dir) : []) },
    // The mini-program's photo URLs may be shown by an allowed cross-origin page (CORS_ORIGINS) of the same site.
    crossOriginResourcePolicy: { policy: 'same-site' },
    // Headers only browsers long out of support read (IE8's download prompt, Flash and Acrobat policy files, the
    // retired XSS auditor, DNS prefetch hints, origin-keyed agent clusters): each costs every answer its bytes.
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    xDnsPrefetchControl: false,
    originAgentCluster: false,
  });
  const adapter = new FastifyAdapter({
    bodyLimit,
    genReqId: requestIdFor,
    // The id is taken from the header by requestIdFor, which also checks it.
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    // No Nest middleware is used (requests are logged by the onResponse hook below), so no middleware layer
    // runs on every request.
    skipMiddie: true,
    // While closing, requests on open keep-alive connections are refused by the onRequest hook below, in the
    // one error shape, rather than by Fastify's own English 503.
    return503OnClosing: false,
    // Only a configured proxy may name the client in X-Forwarded-For (rate limits count by client address).
    trustProxy: config.trustProxy,
    // A URL that does not decode (`/%E0%A4%A`) is refused before any route or hook: in the one error shape too.
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      void reply.headers(security);
      reply.raw.setHeader(REQUEST_ID_HEADER, req.id);
      sendApiError(new HttpException(error.message, error.statusCode ?? 400), req, reply);
    },
  });
  // bodyParser: false — the JSON parser is registered below, with its empty-body rule.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  if (config.nodeEnv === 'production' && config.devLogin) {
    new NestLogger('Startup').warn('DEVELOPMENT SIGN-IN IS ON IN PRODUCTION (ALLOW_DEV_LOGIN_IN_PRODUCTION=true): anyone can sign in as any user');
  }

  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // Declared up front so every request object has the same shape (set by the authentication guard).
  fastify.decorateRequest('user', null);
  fastify.decorateRequest('resourceLocation', undefined);
  // On the raw response, so downloads that write to the socket themselves carry it too. Once a shutdown has
  // begun, new requests are refused (health answers for itself, with 503 and `draining`).
  const draining = app.get(Draining);
  const healthUrl = `/${API_PREFIX}/health`;
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.raw.setHeader(REQUEST_ID_HEADER, req.id);
    void reply.headers(security);
    if (draining.active && req.url !== healthUrl) {
      const { status, message } = SERVICE_ERRORS.shutting_down;
      void reply
        .status(status)
        .headers({ 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), connection: 'close' })
        .send({ statusCode: status, error: 'shutting_down', message, requestId: req.id });
      return;
    }
    done();
  });
  // PinoLogger.root is made while the app initialises (below), so it is read when a request ends.
  fastify.addHook('onResponse', (req, reply, done) => {
    logRequestCompleted(PinoLogger.root, { id: req.id, method: req.method, url: req.url, remoteAddress: req.socket.remoteAddress }, reply.statusCode, reply.elapsedTime);
    done();
  });
  // An empty body with a JSON content type reads as {} (clients send the header on every call), any other
  // body through Fastify's own parser (prototype-poisoning checks included).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req, body, done) => {
    if (body === '') done(null, {});
    else parseJson(req, body as string, done);
  });
  await app.register(fastifyMultipart, { limits: { fileSize: MEDIA_MAX_UPLOAD_BYTES } });
  // Small answers (most of the API's JSON) are sent as they are: compressing them costs more than it saves.
  // Request bodies are never inflated (no zip bombs through uploads). Health answers probes with a few bytes, so it
  // gets none of the plugin's per-request hooks (about 3 µs of its 30).
  fastify.addHook('onRoute', (route) => {
    if (route.url === healthUrl) route.compress = false;
  });
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  // The H5 build is optional: API-only deployments and tests run without it.
  if (h5) await serveH5(fastify, config.h5Dir);

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const origins = corsOrigins(config);
  // Same-origin only (no CORS_ORIGINS in production): no CORS hook at all, rather than one that runs on every
  // request to add nothing; a cross-origin call then gets no CORS headers, and a preflight the JSON 404.
  if (origins) app.enableCors({ origin: origins, credentials: false, exposedHeaders: [REQUEST_ID_HEADER] });
  app.useWebSocketAdapter(new CorsIoAdapter(app, origins));

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('邻里 linli API')
        .setDescription('居民参与平台：随手拍、议事协商、党员志愿服务')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup(`${API_PREFIX}/docs`, app, document);
  }

  await app.init();
  await fastify.ready();
  return app;
}
