import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { Deliberations1732000005000 } from '../database/migrations/1732000005000-deliberations';
import { DELIBERATION_ENTITIES } from './entities';

const SCOPE: ScratchScope = { entities: DELIBERATION_ENTITIES, migrations: [Deliberations1732000005000] };

async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

describe('deliberations migration on SQLite', () => {
  it('creates exactly the schema the entities describe and reverts to nothing', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`);
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('deliberations migration on MariaDB', () => {
  it('creates exactly the schema the entities describe and reverts cleanly', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_k_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
      await scratch.dataSource.undoLastMigration();
      const tables = await scratch.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'`);
      expect(tables).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
