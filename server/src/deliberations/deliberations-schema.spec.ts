import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { Deliberations1732000005000 } from '../database/migrations/1732000005000-deliberations';
import { CommentReportReview1732000009000 } from '../database/migrations/1732000009000-comment-report-review';
import { PollVoterRoll1732000012000 } from '../database/migrations/1732000012000-poll-voter-roll';
import { PollCountColumns1732000013000 } from '../database/migrations/1732000013000-poll-count-columns';
import { PollRollsLongtext1732000014000, WIDENED_ROLL_COLUMNS } from '../database/migrations/1732000014000-poll-rolls-longtext';
import { CommentClientKey1732000015000 } from '../database/migrations/1732000015000-comment-client-key';
import { DELIBERATION_ENTITIES } from './entities';

const SCOPE: ScratchScope = { entities: DELIBERATION_ENTITIES, migrations: [Deliberations1732000005000, CommentReportReview1732000009000, PollVoterRoll1732000012000, PollCountColumns1732000013000, PollRollsLongtext1732000014000, CommentClientKey1732000015000] };

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
      const commentColumns: Array<{ name: string }> = await dataSource.query(`PRAGMA table_info('deliberation_comments')`);
      expect(commentColumns.map((c) => c.name)).not.toContain('client_key');
      expect(commentColumns.map((c) => c.name)).toContain('body');
      await dataSource.undoLastMigration();
      // The rolls' LONGTEXT is MariaDB's alone: on SQLite its migration changes nothing either way.
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

describe('count-columns migration', () => {
  it('fills in the count columns of ballots and the roll totals of owners’ votes set up before it', async () => {
    const dataSource = await openSqliteScratch({ entities: DELIBERATION_ENTITIES, migrations: [Deliberations1732000005000, CommentReportReview1732000009000, PollVoterRoll1732000012000] });
    try {
      const roll = [
        { unitId: '11', ownerKey: 'user:1', exclusiveArea: 8888, label: '1栋101' },
        { unitId: '12', ownerKey: 'user:1', exclusiveArea: 4567, label: '1栋102' },
        { unitId: '13', ownerKey: 'user:2', exclusiveArea: 12001, label: '1栋103' },
      ];
      const options = JSON.stringify([{ id: 'agree', label: '同意' }, { id: 'disagree', label: '反对' }, { id: 'abstain', label: '弃权' }]);
      await dataSource.query(
        `INSERT INTO polls (id, deliberation_id, community_id, title, type, options, max_choices, opens_at, closes_at, scope_kind, owner_matter, eligible_count, owner_roll, live_counts, created_by_id)
         VALUES (1, 1, 1, '业主表决', 'approval3', ?, 1, '2026-01-01 00:00:00', '2026-01-02 00:00:00', 'owners', 'other_major', 3, ?, '{}', 1)`,
        [options, JSON.stringify(roll)],
      );
      const ballot = (seq: number, voterKey: string, choice: string) =>
        dataSource.query(`INSERT INTO poll_ballots (poll_id, seq, voter_key, choice, nonce, cast_at, hash, prev_hash) VALUES (1, ?, ?, ?, 'n', 'c', ?, 'p')`, [seq, voterKey, choice, `h${seq}`]);
      await ballot(1, 'unit:11', '["disagree"]');
      await ballot(2, 'unit:13', '["abstain"]');
      await ballot(3, 'unit:12', '["agree"]');

      await new PollCountColumns1732000013000().up(dataSource.createQueryRunner());

      expect(await dataSource.query('SELECT seq, choice_mask, unit_area, owner_head FROM poll_ballots ORDER BY seq')).toEqual([
        { seq: 1, choice_mask: 2, unit_area: 8888, owner_head: 1 },
        { seq: 2, choice_mask: 4, unit_area: 12001, owner_head: null },
        { seq: 3, choice_mask: 1, unit_area: 4567, owner_head: 1 },
      ]);
      const [{ owner_totals }] = await dataSource.query('SELECT owner_totals FROM polls WHERE id = 1');
      expect(JSON.parse(owner_totals)).toEqual({ area: 25456, owners: 2, units: 3 });
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
      // The entities say `text` for both databases; on MariaDB the rolls are LONGTEXT on purpose (TEXT holds 64 KB,
      // an owners' roll of about 700 units), and that is the only difference.
      const types: Array<{ name: string; type: string }> = await scratch.dataSource.query(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'polls' AND column_name IN (?, ?) ORDER BY column_name`,
        [...WIDENED_ROLL_COLUMNS],
      );
      expect(types).toEqual([...WIDENED_ROLL_COLUMNS].sort().map((name) => ({ name, type: 'longtext' })));
      const widened = (query: string) => WIDENED_ROLL_COLUMNS.some((c) => query.includes(`\`${c}\``));
      expect((await pendingSchemaChanges(scratch.dataSource)).filter((q) => !widened(q))).toEqual([]);
      await scratch.dataSource.undoLastMigration();
      const commentColumns: Array<{ name: string }> = await scratch.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'deliberation_comments'`,
      );
      expect(commentColumns.map((c) => c.name)).not.toContain('client_key');
      await scratch.dataSource.undoLastMigration();
      const rollTypes: Array<{ type: string }> = await scratch.dataSource.query(
        `SELECT data_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'polls' AND column_name IN (?, ?)`,
        [...WIDENED_ROLL_COLUMNS],
      );
      expect(rollTypes.map((c) => c.type)).toEqual(['text', 'text']);
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
