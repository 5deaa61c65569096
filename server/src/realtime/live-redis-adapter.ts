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
    await Promise.all(connections.map((connection) => closeGracefully(connection)));
  }
}

/** How long shutdown waits for a pub/sub connection still being set up before dropping it. */
const SHUTDOWN_READY_WAIT_MS = 2000;

/**
 * quit() once the connection is ready: the adapter's own SUBSCRIBE commands, queued while it connected, then
 * finish instead of failing with "Connection is closed" (an app stopped moments after it started). quit() waits
 * for queued commands, which never run while Redis is unreachable: a connection not ready in time is dropped.
 */
async function closeGracefully(connection: Redis): Promise<void> {
  if (connection.status === 'connecting' || connection.status === 'connect') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, SHUTDOWN_READY_WAIT_MS);
      connection.once('ready', done);
      function done() {
        clearTimeout(timer);
        connection.off('ready', done);
        resolve();
      }
    });
  }
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
