import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server } from 'socket.io';
import { RedisService } from '../redis/redis.service';

/**
 * With REDIS_URL, several server processes share the live rooms through @socket.io/redis-adapter.
 * Pub/sub needs connections of its own (a subscribed connection can issue no other commands), so they
 * are duplicated from the shared RedisService connection and closed with the app.
 */
@Injectable()
export class LiveRedisAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveRedisAdapter.name);
  private connections: Redis[] = [];

  constructor(private readonly redis: RedisService) {}

  /** Installs the adapter on the socket.io server; false when no Redis is configured. */
  attach(server: Server): boolean {
    const base = this.redis.client;
    if (!base) return false;
    // maxRetriesPerRequest: null — commands (psubscribe included) wait for Redis instead of rejecting,
    // so a Redis outage at start-up delays fan-out rather than crashing the process.
    const pub = base.duplicate({ maxRetriesPerRequest: null });
    const sub = base.duplicate({ maxRetriesPerRequest: null });
    for (const connection of [pub, sub]) {
      connection.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'live redis connection problem'));
    }
    this.connections = [pub, sub];
    server.adapter(createAdapter(pub, sub, { key: 'linli:live' }));
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = this.connections;
    this.connections = [];
    // quit() waits for queued commands, which never run while Redis is unreachable.
    await Promise.all(
      connections.map((connection) =>
        connection.status === 'ready' ? connection.quit().catch(() => connection.disconnect()) : connection.disconnect(),
      ),
    );
  }
}
