import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { seedDemo } from './seed/seed-demo';

/** In demo mode (or when asked) the demo data is loaded once migrations have run; it is idempotent. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo && !this.config.seedOnStart) return;
    const report = await seedDemo(this.dataSource);
    this.logger.log({ seed: report }, 'demo district seeded');
  }
}
