import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/**
 * pino (via nestjs-pino / pino-http) is the one logger. The request id set by requestIdMiddleware is
 * reused so a log line, the response header and an error body all carry the same id.
 */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.logLevel,
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
              // Tokens and cookies never reach the logs.
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
              autoLogging: { ignore: (req) => req.url === '/api/health' },
            },
          }),
        }),
      ],
    };
  }
}
