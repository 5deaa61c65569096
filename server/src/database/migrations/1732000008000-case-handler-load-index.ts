import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Routing counts each candidate handler's open cases (handler + status) on every report; without a composite
 * index that count reads every case row of the handler.
 */
export class CaseHandlerLoadIndex1732000008000 implements MigrationInterface {
  name = 'CaseHandlerLoadIndex1732000008000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('cases', new TableIndex({ name: 'idx_cases_handler_user_id_status', columnNames: ['handler_user_id', 'status'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cases', 'idx_cases_handler_user_id_status');
  }
}
