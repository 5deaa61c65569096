import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../server/src/app.factory';
import type { AppConfig } from '../../../server/src/config/app-config';
import { User } from '../../../server/src/users/user.entity';
import { createScratchMysqlDatabase, ScratchDatabase } from './mysql-database';

export interface TestApp {
  app: INestApplication;
  request: ReturnType<typeof supertest>;
  dataSource: DataSource;
  /** Signs in as a seeded demo user (by seed key, e.g. `admin`) through the dev login; returns the token. */
  loginAs(seedKey: string): Promise<string>;
  /** Signs in as any user by id through the dev login; returns the token. */
  tokenFor(userId: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Load the demo district on start (default true). */
  seed?: boolean;
}

/**
 * The real server on a throw-away database: in-memory SQLite by default; with a mysql:// DATABASE_URL
 * a fresh MariaDB database per app. Migrations run, the demo seed is loaded, dev login is on, logs are
 * silent unless LOG_LEVEL asks otherwise. Rate limits are off (NODE_ENV=test) unless a test turns them on; their
 * counters get a prefix of the app's own, so test files sharing one Redis never share a budget.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const envUrl = process.env.DATABASE_URL;
  let scratch: ScratchDatabase | null = null;
  let databaseUrl = 'sqlite::memory:';
  if (!overrides.databaseUrl && envUrl && /^(mysql|mariadb):\/\//.test(envUrl)) {
    scratch = await createScratchMysqlDatabase(envUrl);
    databaseUrl = scratch.url;
  }

  let app: INestApplication;
  try {
    app = await createApp({
      databaseUrl,
      devLogin: true,
      seedOnStart: options.seed ?? true,
      demo: false,
      logLevel: (process.env.LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
      h5Dir: '/nonexistent-h5-dir-for-api-tests',
      rateLimitPrefix: `linli-test:${randomUUID()}:`,
      ...overrides,
    });
  } catch (error) {
    await scratch?.drop();
    throw error;
  }

  const dataSource = app.get(DataSource);
  const request = supertest(app.getHttpServer());

  const tokenFor = async (userId: number): Promise<string> => {
    const res = await request.post('/api/auth/dev').send({ userId });
    if (res.status !== 200) throw new Error(`dev login as user ${userId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  return {
    app,
    request,
    dataSource,
    tokenFor,
    loginAs: async (seedKey) => {
      const user = await dataSource.getRepository(User).findOneBy({ seedKey });
      if (!user) throw new Error(`no seeded user with seedKey ${seedKey}`);
      return tokenFor(user.id);
    },
    close: async () => {
      await app.close();
      await scratch?.drop();
    },
  };
}
