import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { WechatSubscriptions1732000011000 } from '../database/migrations/1732000011000-wechat-subscriptions';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { WechatSubscription } from './wechat-subscription.entity';

const SCOPE: ScratchScope = {
  entities: [...(FOUNDATION_SCOPE.entities as Function[]), WechatSubscription],
  migrations: [...(FOUNDATION_SCOPE.migrations as Function[]), WechatSubscriptions1732000011000],
};

/** Schema changes the subscription entity would still want. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query).filter((query) => /["`]wechat_subscriptions["`]/.test(query));
}

describe('wechat subscriptions migration on SQLite', () => {
  it('creates exactly the schema the entity describes, and reverts', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'wechat_subscriptions'`)).toEqual([]);
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'`)).toHaveLength(1);
    } finally {
      await dataSource.destroy();
    }
  });
});

const mariadbUrl = mariadbTestUrl();
(mariadbUrl ? describe : describe.skip)('wechat subscriptions migration on MariaDB', () => {
  it('creates exactly the schema the entity describes, and reverts', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_wechat_subscriptions_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
      await scratch.dataSource.undoLastMigration();
      expect(await scratch.dataSource.query(`SHOW TABLES LIKE 'wechat_subscriptions'`)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
