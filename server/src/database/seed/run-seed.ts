import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../../config/environment';
import { buildDataSourceOptions } from '../data-source-options';
import { seedDemo } from './seed-demo';

/**
 * `npm run seed -w server` (node dist/database/seed/run-seed.js): migrates the configured database
 * (DATABASE_URL, SQLite by default) and loads the demo district and each feature's demo data. Safe to run any number of times.
 */
async function main(): Promise<void> {
  const logger = new Logger('seed');
  const dataSource = new DataSource(buildDataSourceOptions(loadConfigFromEnvironment()));
  await dataSource.initialize();
  try {
    const report = await seedDemo(dataSource);
    logger.log(`demo district seeded: ${JSON.stringify(report)}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  new Logger('seed').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
