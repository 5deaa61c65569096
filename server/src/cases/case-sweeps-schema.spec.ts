import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Cases1732000003000 } from '../database/migrations/1732000003000-cases';
import { CaseSweeps1732000006000 } from '../database/migrations/1732000006000-case-sweeps';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { MediaFile } from '../media/media-file.entity';
import { CaseSlaMarks } from './case-sla-marks.entity';
import { CASE_ENTITIES } from './entities';

const SCOPE: ScratchScope = {
  entities: [...(FOUNDATION_SCOPE.entities as Function[]), MediaFile, ...CASE_ENTITIES, CaseSlaMarks],
  migrations: [Foundation1732000000000, Media1732000002000, Cases1732000003000, CaseSweeps1732000006000],
};

async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => /["`]case_sla_marks["`]/.test(query));
}

describe('case sweeps migration on SQLite', () => {
  it('creates exactly the table the sweep markers describe, and drops it again', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'case_sla_marks'`)).toEqual([]);
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cases'`)).toHaveLength(1);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('case sweeps migration on MariaDB', () => {
  it('creates exactly the table the sweep markers describe', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_case_sweeps_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
