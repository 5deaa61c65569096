import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The committee handles reports on deliberation comments: each report records when, by whom and how it was
 * handled (the comment hidden, or the reports dismissed) with the reason or note. An unhandled report is an
 * open item in the committee's queue. Neutral Table API so the migration runs on SQLite and MariaDB; names
 * follow SnakeNamingStrategy.
 */
export class CommentReportReview1732000009000 implements MigrationInterface {
  name = 'CommentReportReview1732000009000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('deliberation_comment_reports', [
      new TableColumn({ name: 'handled_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'handled_by_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'outcome', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'handling_note', type: 'varchar', length: '255', isNullable: true }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('deliberation_comment_reports', ['handling_note', 'outcome', 'handled_by_id', 'handled_at']);
  }
}
