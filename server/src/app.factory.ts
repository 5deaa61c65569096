import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter, expressErrorHandler } from './common/api-exception.filter';
import { requestIdMiddleware, REQUEST_ID_HEADER } from './common/request-id';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { loadConfigFromEnvironment } from './config/environment';

export const API_PREFIX = 'api';

/**
 * Builds the fully configured, initialised application (migrated, seeded when asked) without
 * listening, so main.ts and the API tests run exactly the same server.
 */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<INestApplication> {
  const config = loadConfigFromEnvironment(overrides);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    // Our own parsers below, so their errors (too large, malformed) get the one error shape.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // Express would hash every JSON body (POSTs too) for an ETag nobody revalidates; photos set their own.
  app.set('etag', false);
  app.disable('x-powered-by');

  app.use(requestIdMiddleware);
  app.use(json({ limit: config.bodyLimit }));
  app.use(urlencoded({ extended: false, limit: config.bodyLimit }));
  app.use(expressErrorHandler);

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableCors({ origin: true, credentials: false, exposedHeaders: [REQUEST_ID_HEADER] });
  app.enableShutdownHooks();

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

  await app.init();
  return app;
}
