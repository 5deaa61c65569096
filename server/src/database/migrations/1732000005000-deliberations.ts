import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex, TableUnique } from 'typeorm';

/**
 * Deliberation and voting: topics with supports and reviews, deliberations with their comment thread,
 * supports, reports and meeting minutes, polls with their ballot chain and voter receipts, and the
 * community bulletin board. Neutral Table API so the one migration runs on SQLite and MariaDB; constraint
 * names follow SnakeNamingStrategy (uq_/idx_<table>_<columns>) so a schema diff against the entities stays
 * empty.
 */
export class Deliberations1732000005000 implements MigrationInterface {
  name = 'Deliberations1732000005000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
    const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
    const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
    const datetime = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
    const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    // 0 rather than false: both dialects store booleans as integers and report the default that way.
    const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: 0 });
    const createdAt = (): TableColumnOptions => ({ name: 'created_at', type: 'datetime', precision: types.createDatePrecision, default: types.createDateDefault });

    const create = async (name: string, columns: TableColumnOptions[], uniques: string[][] = [], indices: string[][] = []) =>
      queryRunner.createTable(
        new Table({
          name,
          columns,
          uniques: uniques.map((cols) => new TableUnique({ name: `uq_${name}_${cols.join('_')}`, columnNames: cols })),
          indices: indices.map((cols) => new TableIndex({ name: `idx_${name}_${cols.join('_')}`, columnNames: cols })),
        }),
        true,
      );

    await create(
      'deliberation_topics',
      [
        id(),
        int('community_id'),
        int('proposer_id'),
        varchar('title', 100),
        text('body'),
        text('photo_ids'),
        varchar('scope_kind', 16),
        varchar('scope_building', 32, true),
        { ...varchar('status', 16), default: "'pending'" },
        { ...int('support_count'), default: 0 },
        varchar('review_reason', 255, true),
        int('reviewed_by_id', true),
        datetime('reviewed_at', true),
        int('merged_into_topic_id', true),
        createdAt(),
      ],
      [],
      [['community_id', 'status'], ['proposer_id']],
    );
    await create('deliberation_topic_supports', [id(), int('topic_id'), int('user_id'), createdAt()], [['topic_id', 'user_id']]);
    await create(
      'deliberation_topic_reviews',
      [id(), int('topic_id'), int('reviewer_id'), varchar('decision', 16), varchar('reason', 255, true), int('merge_into_topic_id', true), createdAt()],
      [],
      [['topic_id']],
    );
    await create(
      'deliberations',
      [
        id(),
        int('topic_id'),
        int('community_id'),
        varchar('title', 100),
        varchar('scope_kind', 16),
        varchar('scope_building', 32, true),
        { ...varchar('status', 16), default: "'discussing'" },
        datetime('discussion_ends_at'),
        int('created_by_id'),
        createdAt(),
      ],
      [['topic_id']],
      [['community_id']],
    );
    await create(
      'deliberation_comments',
      [
        id(),
        int('deliberation_id'),
        int('parent_id', true),
        int('author_id'),
        text('body'),
        { ...int('support_count'), default: 0 },
        { ...int('report_count'), default: 0 },
        bool('hidden'),
        varchar('hidden_reason', 255, true),
        int('hidden_by_id', true),
        datetime('hidden_at', true),
        createdAt(),
      ],
      [],
      [['deliberation_id'], ['parent_id']],
    );
    await create('deliberation_comment_supports', [id(), int('comment_id'), int('user_id'), createdAt()], [['comment_id', 'user_id']]);
    await create(
      'deliberation_comment_reports',
      [id(), int('comment_id'), int('user_id'), varchar('reason', 255), createdAt()],
      [['comment_id', 'user_id']],
    );
    await create(
      'deliberation_minutes',
      [id(), int('deliberation_id'), varchar('title', 100), text('summary'), datetime('held_at'), text('photo_ids'), int('created_by_id'), createdAt()],
      [],
      [['deliberation_id']],
    );
    await create(
      'polls',
      [
        id(),
        int('deliberation_id'),
        int('community_id'),
        varchar('title', 100),
        varchar('type', 16),
        text('options'),
        int('max_choices'),
        datetime('opens_at'),
        datetime('closes_at'),
        bool('hide_results_until_close'),
        varchar('scope_kind', 16),
        varchar('scope_building', 32, true),
        varchar('owner_matter', 40, true),
        int('eligible_count'),
        text('owner_roll', true),
        { ...varchar('status', 16), default: "'open'" },
        datetime('closed_at', true),
        { ...int('chain_seq'), default: 0 },
        varchar('chain_head', 64, true),
        text('live_counts'),
        text('result', true),
        int('created_by_id'),
        createdAt(),
      ],
      [],
      [['deliberation_id'], ['status', 'closes_at']],
    );
    await create(
      'poll_ballots',
      [
        id(),
        int('poll_id'),
        int('seq'),
        varchar('voter_key', 32),
        text('choice'),
        varchar('nonce', 128),
        varchar('cast_at', 24),
        varchar('hash', 64),
        varchar('prev_hash', 64),
        int('supersedes_seq', true),
        varchar('client_key', 64, true),
      ],
      [['poll_id', 'seq'], ['poll_id', 'voter_key', 'client_key']],
      [['poll_id', 'voter_key'], ['poll_id', 'supersedes_seq'], ['hash']],
    );
    await create(
      'poll_ballot_receipts',
      [id(), int('poll_id'), int('user_id'), varchar('voter_key', 32), int('seq'), varchar('receipt', 64), createdAt()],
      [['poll_id', 'seq']],
      [['user_id', 'poll_id']],
    );
    await create(
      'bulletin_posts',
      [id(), int('community_id'), varchar('kind', 32), varchar('title', 100), text('body'), text('data'), varchar('source_key', 64, true), datetime('published_at')],
      [['source_key']],
      [['community_id', 'published_at']],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'bulletin_posts',
      'poll_ballot_receipts',
      'poll_ballots',
      'polls',
      'deliberation_minutes',
      'deliberation_comment_reports',
      'deliberation_comment_supports',
      'deliberation_comments',
      'deliberations',
      'deliberation_topic_reviews',
      'deliberation_topic_supports',
      'deliberation_topics',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
