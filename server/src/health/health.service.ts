import { Injectable } from '@nestjs/common';
import { ComponentState, HealthResponse } from '@linli/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';

// server/package.json sits two levels up from both src/health and dist/health.
const VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([this.pingDatabase(), this.redis.ping()]);
    return {
      status: database === 'down' || redis === 'down' ? 'degraded' : 'ok',
      database: { state: database, type: this.config.databaseType },
      redis: { state: redis },
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
      version: VERSION,
    };
  }

  private async pingDatabase(): Promise<ComponentState> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
