import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { isHealthProbe, requestLogSerializers } from './request-log';

/** Longest a log line waits in the buffer while the server is quiet. */
const LOG_FLUSH_MS = 1000;

let stdoutDestination: pino.DestinationStream | null = null;

/**
 * stdout, buffered: pino's default writes every line with its own synchronous write(2), one system call
 * per request on the hot path. Lines are collected up to 4 KiB and written together, at the latest after
 * LOG_FLUSH_MS; pino flushes what is left when the process exits. One per process (stdout is one).
 */
function bufferedStdout(): pino.DestinationStream {
  if (!stdoutDestination) {
    const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
    setInterval(() => {
      try {
        destination.flush();
      } catch {
        // Destroyed (the process is exiting): nothing left to flush.
      }
    }, LOG_FLUSH_MS).unref();
    stdoutDestination = destination;
  }
  return stdoutDestination;
}

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
          useFactory: (config: AppConfig) => {
            const options: PinoHttpOptions = {
              level: config.logLevel,
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
              // pino-http binds the serialized request to a child logger on every request, logged or not;
              // these keep that to a few fields (see request-log.ts), handed the raw request (no wrapping,
              // which would run the standard serializer first).
              serializers: requestLogSerializers,
              wrapSerializers: false,
              // Tokens and cookies never reach the logs (kept should a serializer ever include headers).
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              autoLogging: { ignore: isHealthProbe },
            };
            // Nothing is written at 'silent' (the tests), so no stdout buffer or flush timer for it.
            return { pinoHttp: config.logLevel === 'silent' ? options : ([options, bufferedStdout()] as [PinoHttpOptions, pino.DestinationStream]) };
          },
        }),
      ],
    };
  }
}
