import { Injectable } from '@nestjs/common';
import { ComponentState, HealthResponse } from '@linli/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Draining } from '../common/draining';
import { AppConfig } from '../config/app-config';
import { isDatabaseBusy } from '../database/connection-waits';
import { RedisService } from '../redis/redis.service';

// server/package.json sits two levels up from both src/health and dist/health.
const VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

/** A probe must get its answer quickly even when every pooled connection is taken by a burst. */
const DATABASE_PING_DEADLINE_MS = 1000;

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
    private readonly draining: Draining,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([this.pingDatabase(), this.redis.ping()]);
    const allWell = database !== 'down' && database !== 'busy' && redis !== 'down';
    return {
      status: this.draining.active ? 'draining' : allWell ? 'ok' : 'degraded',
      database: { state: database, type: this.config.databaseType },
      redis: { state: redis },
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
      version: VERSION,
    };
  }

  /** 'busy' when no connection was free within the deadline; the ping itself is left to finish or time out. */
  private async pingDatabase(): Promise<ComponentState> {
    const ping = this.dataSource.query('SELECT 1').then(
      (): ComponentState => 'up',
      (error: unknown): ComponentState => (isDatabaseBusy(error) ? 'busy' : 'down'),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<ComponentState>((resolve) => {
      timer = setTimeout(() => resolve('busy'), DATABASE_PING_DEADLINE_MS);
    });
    try {
      return await Promise.race([ping, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
