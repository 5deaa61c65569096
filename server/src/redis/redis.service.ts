import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The shared ioredis connection, or null without REDIS_URL (single-process deployments need none).
 * Features that can use Redis (socket.io adapter, caches) must also work when `client` is null.
 */
/** How long start-up waits for the first connection before going on without it (it keeps retrying). */
const READY_WAIT_MS = 5000;

@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, {
          lazyConnect: false,
          // While Redis is away a command fails after one reconnect attempt instead of queueing forever
          // (a queued command would also keep quit() from ever finishing at shutdown).
          maxRetriesPerRequest: 1,
          retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
        })
      : null;
    // Without a listener ioredis reports connection failures as unhandled errors.
    this.client?.on('error', (error) => this.logger.warn({ err: error.message }, 'redis connection problem'));
  }

  /**
   * Start-up waits (bounded) for the first connection or its first failure, so a freshly started server reports and uses a
   * reachable Redis at once instead of racing its own connect; an unreachable one is logged, not fatal.
   */
  async onModuleInit(): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), READY_WAIT_MS);
      const onReady = () => done(true);
      // A refused connection fails at once: no point waiting out the deadline.
      const onError = () => done(false);
      function done(value: boolean) {
        clearTimeout(timer);
        client!.off('ready', onReady);
        client!.off('error', onError);
        resolve(value);
      }
      client.on('ready', onReady);
      client.on('error', onError);
    });
    if (!ready) this.logger.warn('redis not reachable at start-up; continuing and retrying in the background');
  }

  /** PING with a deadline: 'up', 'down', or 'disabled' when no Redis is configured. */
  async ping(timeoutMs = 1000): Promise<'up' | 'down' | 'disabled'> {
    if (!this.client) return 'disabled';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), timeoutMs);
    });
    const answer = this.client
      .ping()
      .then((reply) => (reply === 'PONG' ? 'up' : 'down') as 'up' | 'down')
      .catch(() => 'down' as const);
    try {
      return await Promise.race([answer, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    // quit() waits for queued commands, which never run while Redis is unreachable.
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
