import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { Deliberations1732000005000 } from '../database/migrations/1732000005000-deliberations';
import { CommentReportReview1732000009000 } from '../database/migrations/1732000009000-comment-report-review';
import { PollVoterRoll1732000012000 } from '../database/migrations/1732000012000-poll-voter-roll';
import { PollCountColumns1732000013000 } from '../database/migrations/1732000013000-poll-count-columns';
import { DELIBERATION_ENTITIES } from './entities';

const SCOPE: ScratchScope = { entities: DELIBERATION_ENTITIES, migrations: [Deliberations1732000005000, CommentReportReview1732000009000, PollVoterRoll1732000012000, PollCountColumns1732000013000] };

/** What the report-review migration adds to the reports; reverting it must leave the rest. */
const HANDLING_COLUMNS = ['handled_at', 'handled_by_id', 'outcome', 'handling_note'];
const withoutHandling = (names: string[]) => expect(names.filter((n) => HANDLING_COLUMNS.includes(n) || n === 'reason')).toEqual(['reason']);

/** What the count-columns migration adds to the ballots; reverting it must leave the rest. */
const COUNT_COLUMNS = ['choice_mask', 'unit_area', 'owner_head'];

async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

describe('deliberations migration on SQLite', () => {
  it('creates exactly the schema the entities describe, reverts the count columns and the report review, then to nothing', async () => {
    const dataSource = await openSqliteScratch(SCOPE);
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      await dataSource.undoLastMigration();
      const ballotColumns: Array<{ name: string }> = await dataSource.query(`PRAGMA table_info('poll_ballots')`);
      expect(ballotColumns.map((c) => c.name).filter((n) => COUNT_COLUMNS.includes(n))).toEqual([]);
      expect(ballotColumns.map((c) => c.name)).toContain('supersedes_seq');
      expect((await dataSource.query(`PRAGMA table_info('polls')`)).map((c: { name: string }) => c.name)).not.toContain('owner_totals');
      await dataSource.undoLastMigration();
      const pollColumns: Array<{ name: string }> = await dataSource.query(`PRAGMA table_info('polls')`);
      expect(pollColumns.map((c) => c.name)).not.toContain('voter_roll');
      await dataSource.undoLastMigration();
      const columns: Array<{ name: string }> = await dataSource.query(`PRAGMA table_info('deliberation_comment_reports')`);
      withoutHandling(columns.map((c) => c.name));
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
  it('creates exactly the schema the entities describe, reverts the count columns and the report review, then cleanly', async () => {
    const scratch = await openMariadbScratch(mariadbUrl!, 'linli_scratch_k_schema', SCOPE);
    try {
      expect(await pendingSchemaChanges(scratch.dataSource)).toEqual([]);
      await scratch.dataSource.undoLastMigration();
      const ballotColumns: Array<{ name: string }> = await scratch.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'poll_ballots'`,
      );
      expect(ballotColumns.map((c) => c.name).filter((n) => COUNT_COLUMNS.includes(n))).toEqual([]);
      await scratch.dataSource.undoLastMigration();
      await scratch.dataSource.undoLastMigration();
      const columns: Array<{ name: string }> = await scratch.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'deliberation_comment_reports'`,
      );
      withoutHandling(columns.map((c) => c.name));
      await scratch.dataSource.undoLastMigration();
      const tables = await scratch.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'`);
      expect(tables).toEqual([]);
    } finally {
      await scratch.drop();
    }
    // Four migrations' DDL on MariaDB outlasts jest's 5 s on a busy 2-core machine, as the API tests' server start does.
  }, 30_000);
});
