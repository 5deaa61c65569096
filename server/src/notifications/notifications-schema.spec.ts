import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Notifications1732000010000 } from '../database/migrations/1732000010000-notifications';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { Notification } from './notification.entity';

const SCOPE: ScratchScope = { entities: [Notification], migrations: [Notifications1732000010000] };

/** Schema changes the notification entity would still want. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => /["`]notifications["`]/.test(query));
}

describe('notifications migration on SQLite', () => {
  it('creates exactly the schema the entity describes, and reverts', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notifications'`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('notifications migration on MariaDB', () => {
  it('creates exactly the schema the entity describes', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_notifications_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
