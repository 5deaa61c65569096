import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The shared ioredis connection, or null without REDIS_URL (single-process deployments need none).
 * Features that can use Redis (socket.io adapter, caches) must also work when `client` is null.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
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
