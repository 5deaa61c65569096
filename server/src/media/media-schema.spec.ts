import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { MediaFile } from './media-file.entity';

const SCOPE: ScratchScope = {
  entities: [...(FOUNDATION_SCOPE.entities as Function[]), MediaFile],
  migrations: [Foundation1732000000000, Media1732000002000],
};

/** Schema changes MediaFile would still want after the migrations ran; other tables are not this test's business. */
async function pendingMediaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => /["`]media_files["`]/.test(query));
}

describe('media migration on SQLite', () => {
  it('creates exactly the schema MediaFile describes, and reverts to what came before', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingMediaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'media_files'`)).toEqual([]);
      await dataSource.runMigrations();
      expect(await pendingMediaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('media migration on MariaDB', () => {
  it('creates exactly the schema MediaFile describes', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_media_schema', SCOPE);
    try {
      expect(await pendingMediaChanges(scratch.dataSource)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
