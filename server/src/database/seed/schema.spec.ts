import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { FOUNDATION_SCOPE } from './testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch } from './testing/scratch-database';

/** The schema the foundation entities would want, as SQL the migration did not already produce. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

describe('foundation migration on SQLite', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = await openSqliteScratch(FOUNDATION_SCOPE);
  });
  afterEach(async () => dataSource.destroy());

  it('creates exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('reverts to an empty database and can be applied again', async () => {
    await dataSource.undoLastMigration();
    const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`);
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('foundation migration on MariaDB', () => {
  it('creates exactly the schema the entities describe and reverts cleanly', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_b_schema', FOUNDATION_SCOPE);
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
