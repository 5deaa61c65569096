import type { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../api/support/test-app';
import { User } from '../../../server/src/users/user.entity';

export interface LiveServer extends TestApp {
  /** http://127.0.0.1:<port> — the H5 build at `/`, the API at `/api`. */
  baseUrl: string;
  /** The numeric id of a seeded user, for the dev sign-in picker's `.dev-user-<id>` buttons. */
  userId(seedKey: string): Promise<number>;
}

/**
 * The real server listening on a free port, serving the H5 build from miniapp/dist/h5 on the same
 * database setup as the API tests (in-memory SQLite unless DATABASE_URL names MariaDB).
 */
export async function startLiveServer(): Promise<LiveServer> {
  const h5Dir = join(__dirname, '..', '..', '..', 'miniapp', 'dist', 'h5');
  const testApp = await startTestApp({ h5Dir });
  const app: INestApplication = testApp.app;
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataSource = app.get(DataSource);
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${port}`,
    userId: async (seedKey) => {
      const user = await dataSource.getRepository(User).findOneBy({ seedKey });
      if (!user) throw new Error(`no seeded user with seedKey ${seedKey}`);
      return user.id;
    },
  };
}
