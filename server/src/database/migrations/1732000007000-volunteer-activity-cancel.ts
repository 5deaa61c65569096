import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * An organiser may call a volunteer activity off before it starts: when, by whom and why are kept on the
 * activity itself so everyone who signed up reads the reason on the activity page. Neutral Table API so the
 * migration runs on SQLite and MariaDB; names follow SnakeNamingStrategy.
 */
export class VolunteerActivityCancel1732000007000 implements MigrationInterface {
  name = 'VolunteerActivityCancel1732000007000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('volunteer_activities', [
      new TableColumn({ name: 'cancelled_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'cancelled_by_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('volunteer_activities', ['cancel_reason', 'cancelled_by_id', 'cancelled_at']);
  }
}
