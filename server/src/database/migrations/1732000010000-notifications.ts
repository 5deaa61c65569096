import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';

/**
 * Per-person notifications (消息通知), first for the results of votes. Neutral Table API so the migration runs on
 * SQLite and MariaDB; names follow SnakeNamingStrategy (uq_/idx_<table>_<columns>).
 */
export class Notifications1732000010000 implements MigrationInterface {
  name = 'Notifications1732000010000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'subject', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'body', type: 'varchar', length: '255' },
          { name: 'link', type: 'varchar', length: '255', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: types.createDatePrecision, default: types.createDateDefault },
          { name: 'read_at', type: 'datetime', isNullable: true },
        ],
        uniques: [new TableUnique({ name: 'uq_notifications_user_id_kind_subject', columnNames: ['user_id', 'kind', 'subject'] })],
        indices: [new TableIndex({ name: 'idx_notifications_user_id_read_at', columnNames: ['user_id', 'read_at'] })],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notifications');
  }
}
