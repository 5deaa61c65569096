import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/**
 * The case deadline sweep's markers: one row per case it acted on, a timestamp per action (reminders,
 * 吹哨 escalation, auto-close), each claimed once by a conditional UPDATE. A table of its own rather than
 * columns on `cases`, so the sweep's bookkeeping never touches the case's version. Neutral Table API so the
 * migration runs on SQLite and MariaDB; names follow SnakeNamingStrategy (fk_<table>_<column>).
 */
export class CaseSweeps1732000006000 implements MigrationInterface {
  name = 'CaseSweeps1732000006000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const datetime = (name: string): TableColumnOptions => ({ name, type: 'datetime', isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'case_sla_marks',
        columns: [
          { name: 'case_id', type: 'integer', isPrimary: true },
          datetime('response_overdue_at'),
          datetime('resolve_overdue_at'),
          datetime('escalated_at'),
          datetime('auto_closed_at'),
        ],
        foreignKeys: [{ name: 'fk_case_sla_marks_case_id', columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_sla_marks');
  }
}
