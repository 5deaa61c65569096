import { MigrationInterface, QueryRunner, TableColumn, TableIndex, TableUnique } from 'typeorm';

const UNIQUE = 'uq_deliberation_comments_author_id_client_key';

/**
 * A comment's Idempotency-Key: a phone that lost the answer to its post sends it again with the same key and gets
 * the comment it already made, not a second one. Unique per author; comments posted without a key have none.
 */
export class CommentClientKey1732000015000 implements MigrationInterface {
  name = 'CommentClientKey1732000015000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('deliberation_comments', new TableColumn({ name: 'client_key', type: 'varchar', length: '64', isNullable: true }));
    // The entity's @Unique: a table constraint on SQLite, a unique index on MariaDB (which TypeORM knows it as there).
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      await queryRunner.createUniqueConstraint('deliberation_comments', new TableUnique({ name: UNIQUE, columnNames: ['author_id', 'client_key'] }));
    } else {
      await queryRunner.createIndex('deliberation_comments', new TableIndex({ name: UNIQUE, columnNames: ['author_id', 'client_key'], isUnique: true }));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') await queryRunner.dropUniqueConstraint('deliberation_comments', UNIQUE);
    else await queryRunner.dropIndex('deliberation_comments', UNIQUE);
    await queryRunner.dropColumn('deliberation_comments', 'client_key');
  }
}
