import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '../config/app-config';

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
 * pino (via nestjs-pino) is the one logger. Requests are logged by a Fastify onResponse hook (see
 * request-log.ts), not by pino-http as a Nest middleware: the middleware layer (@fastify/middie), a child
 * logger per request and the AsyncLocalStorage context nestjs-pino binds it to cost more CPU than a cheap
 * route's own work (bench: http-overhead). So the middleware is applied to no route; the module still makes the
 * root logger with these options. Log lines written while handling a request carry its id where it matters
 * (errors, see the exception filter).
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
              // Tokens and cookies never reach the logs (kept should a serializer ever include headers).
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              autoLogging: false,
            };
            // Nothing is written at 'silent' (the tests), so no stdout buffer or flush timer for it.
            return {
              forRoutes: [],
              pinoHttp: config.logLevel === 'silent' ? options : ([options, bufferedStdout()] as [PinoHttpOptions, pino.DestinationStream]),
            };
          },
        }),
      ],
    };
  }
}
