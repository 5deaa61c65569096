import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Volunteers1732000004000 } from '../database/migrations/1732000004000-volunteers';
import { VolunteerActivityCancel1732000007000 } from '../database/migrations/1732000007000-volunteer-activity-cancel';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { VOLUNTEER_ENTITIES } from './entities';

const SCOPE: ScratchScope = {
  entities: [...(FOUNDATION_SCOPE.entities as Function[]), ...VOLUNTEER_ENTITIES],
  migrations: [Foundation1732000000000, Volunteers1732000004000, VolunteerActivityCancel1732000007000],
};

const VOLUNTEER_TABLES = /["`](volunteer_[a-z_]+|party_[a-z_]+|points_[a-z_]+)["`]/;

/** Schema changes the volunteer entities would still want; other features' tables are their own tests' business. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => VOLUNTEER_TABLES.test(query));
}

describe('volunteers migration on SQLite', () => {
  it('creates exactly the schema the volunteer and points entities describe, and reverts to what came before', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      const columns: Array<{ name: string }> = await dataSource.query(`PRAGMA table_info('volunteer_activities')`);
      expect(columns.map((c) => c.name)).not.toContain('cancelled_at');
      expect(columns.map((c) => c.name)).toContain('title');
      await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'volunteer%' OR name LIKE 'party%' OR name LIKE 'points%')`,
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('volunteers migration on MariaDB', () => {
  it('creates exactly the schema the volunteer and points entities describe', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_volunteers_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
