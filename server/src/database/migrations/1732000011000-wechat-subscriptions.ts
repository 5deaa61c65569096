import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';

/**
 * Credits for WeChat subscription messages (订阅消息): one row per person, template and subject the person
 * accepted a message about, and how sending it went. Neutral Table API so the migration runs on SQLite and
 * MariaDB; names follow SnakeNamingStrategy (uq_/idx_/fk_<table>_<columns>).
 */
export class WechatSubscriptions1732000011000 implements MigrationInterface {
  name = 'WechatSubscriptions1732000011000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const types = queryRunner.connection.driver.mappedDataTypes;
    await queryRunner.createTable(
      new Table({
        name: 'wechat_subscriptions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'integer' },
          { name: 'template_key', type: 'varchar', length: '32' },
          { name: 'subject', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16', default: "'waiting'" },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'datetime', isNullable: true },
          { name: 'claimed_at', type: 'datetime', isNullable: true },
          { name: 'finished_at', type: 'datetime', isNullable: true },
          { name: 'last_errcode', type: 'integer', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '100', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: types.createDatePrecision, default: types.createDateDefault },
        ],
        uniques: [new TableUnique({ name: 'uq_wechat_subscriptions_user_id_template_key_subject', columnNames: ['user_id', 'template_key', 'subject'] })],
        indices: [
          new TableIndex({ name: 'idx_wechat_subscriptions_template_key_subject_status', columnNames: ['template_key', 'subject', 'status'] }),
          new TableIndex({ name: 'idx_wechat_subscriptions_status_next_attempt_at', columnNames: ['status', 'next_attempt_at'] }),
        ],
        foreignKeys: [
          { name: 'fk_wechat_subscriptions_user_id', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
        ],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('wechat_subscriptions');
  }
}
