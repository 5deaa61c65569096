import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { Draining } from './common/draining';
import { AppConfig } from './config/app-config';
import { ConfigError } from './config/load-config';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  const draining = app.get(Draining);
  const logger = new Logger('Shutdown');

  // SIGTERM (or Ctrl-C): refuse new requests, let the running ones finish (Fastify's close waits for them), then
  // close sockets, sweeps, Redis and the database. Whatever still runs after the grace period is abandoned: the
  // process exits regardless.
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining.active) return;
    draining.start();
    logger.log({ signal }, 'draining');
    const watchdog = setTimeout(() => {
      logger.error({ signal }, 'shutdown took longer than SHUTDOWN_GRACE_MS; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    await app.close();
    clearTimeout(watchdog);
    // Log lines are written in batches: write out the last ones before the process ends.
    await new Promise<void>((resolve) => PinoLogger.root.flush(() => resolve()));
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));

  await app.listen(config.port);
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad configuration), so write the reason straight to stderr.
  const message = error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`linli server failed to start\n${message}\n`);
  process.exit(1);
});
