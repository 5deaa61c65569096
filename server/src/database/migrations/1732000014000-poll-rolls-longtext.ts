import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns this widens: a vote's fixed rolls, JSON text that grows with the community. */
export const WIDENED_ROLL_COLUMNS = ['owner_roll', 'voter_roll'] as const;

/**
 * On MariaDB/MySQL a TEXT column holds 64 KB: an owners' roll of about 700 units, a personal roll of about 9 000
 * residents. A real community has thousands of units, so both become LONGTEXT there. SQLite's TEXT has no such
 * limit; nothing changes on it. The entities keep `text` (one type for both databases), so the MariaDB schema
 * check knows these two columns as the only intended difference.
 */
export class PollRollsLongtext1732000014000 implements MigrationInterface {
  name = 'PollRollsLongtext1732000014000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query(`ALTER TABLE polls ${WIDENED_ROLL_COLUMNS.map((c) => `MODIFY ${c} LONGTEXT NULL`).join(', ')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query(`ALTER TABLE polls ${WIDENED_ROLL_COLUMNS.map((c) => `MODIFY ${c} TEXT NULL`).join(', ')}`);
  }
}
