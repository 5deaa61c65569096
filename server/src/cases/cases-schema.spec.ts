import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Cases1732000003000 } from '../database/migrations/1732000003000-cases';
import { CaseHandlerLoadIndex1732000008000 } from '../database/migrations/1732000008000-case-handler-load-index';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { MediaFile } from '../media/media-file.entity';
import { CASE_ENTITIES } from './entities';

const SCOPE: ScratchScope = {
  entities: [...(FOUNDATION_SCOPE.entities as Function[]), MediaFile, ...CASE_ENTITIES],
  migrations: [Foundation1732000000000, Media1732000002000, Cases1732000003000, CaseHandlerLoadIndex1732000008000],
};

const CASE_TABLES = /["`](cases|case_[a-z_]+|audit_log)["`]/;

/** Schema changes the case entities would still want; other features' tables are their own tests' business. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => CASE_TABLES.test(query));
}

describe('cases migration on SQLite', () => {
  it('creates exactly the schema the case entities describe, and reverts to what came before', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration(); // the handler-load index
      await dataSource.undoLastMigration(); // the case tables
      const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'case%' OR name = 'audit_log'`);
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('cases migration on MariaDB', () => {
  it('creates exactly the schema the case entities describe', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_cases_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
