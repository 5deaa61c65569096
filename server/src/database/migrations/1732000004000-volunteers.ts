import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * Party member check-in and volunteer service: volunteer profiles, party organisations with their resource
 * and need lists, party members' check-ins, activities, sign-ups, attendance with its corrections log,
 * service records, and the contribution points ledger. Neutral Table API so the one migration runs on SQLite
 * and MariaDB; constraint names follow SnakeNamingStrategy (uq_/fk_/idx_<table>_<columns>).
 */
export class Volunteers1732000004000 implements MigrationInterface {
  name = 'Volunteers1732000004000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnKit(queryRunner);

    await createTable(
      queryRunner,
      'volunteer_profiles',
      [
        { ...col.int('user_id'), isPrimary: true },
        col.varchar('real_name', 64),
        col.varchar('id_number', 32, true),
        col.varchar('organization_name', 128, true),
        col.updatedAt(),
      ],
      { foreignKeys: [{ column: 'user_id', table: 'users', onDelete: 'CASCADE' }] },
    );

    await createTable(
      queryRunner,
      'party_organizations',
      [
        col.id(),
        col.int('community_id'),
        col.varchar('name', 128),
        col.int('contact_user_id'),
        col.varchar('contact_name', 64),
        col.varchar('contact_phone', 32),
        col.text('resources'),
        col.text('needs'),
        { ...col.varchar('status', 16), default: "'pending'" },
        col.varchar('review_note', 255, true),
        col.int('reviewed_by_id', true),
        col.datetime('reviewed_at', true),
        col.createdAt(),
      ],
      {
        uniques: [['community_id', 'name']],
        indices: [['contact_user_id']],
        foreignKeys: [
          { column: 'community_id', table: 'communities', onDelete: 'RESTRICT' },
          { column: 'contact_user_id', table: 'users', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'party_member_check_ins',
      [
        col.id(),
        col.int('user_id'),
        col.int('community_id'),
        col.varchar('party_organization_name', 128),
        col.int('party_organization_id', true),
        { ...col.varchar('status', 16), default: "'pending'" },
        col.varchar('review_note', 255, true),
        col.int('reviewed_by_id', true),
        col.datetime('reviewed_at', true),
        col.createdAt(),
      ],
      {
        uniques: [['user_id', 'community_id']],
        indices: [['community_id'], ['party_organization_id']],
        foreignKeys: [
          { column: 'user_id', table: 'users', onDelete: 'CASCADE' },
          { column: 'community_id', table: 'communities', onDelete: 'RESTRICT' },
          { column: 'party_organization_id', table: 'party_organizations', onDelete: 'SET NULL' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'volunteer_activities',
      [
        col.id(),
        col.int('community_id'),
        col.varchar('organizer_kind', 32),
        col.varchar('organizer_name', 128),
        col.int('party_organization_id', true),
        col.varchar('title', 128),
        col.varchar('theme_code', 32),
        col.text('description', true),
        col.text('requirements', true),
        col.datetime('starts_at'),
        col.datetime('ends_at'),
        col.varchar('place_name', 128),
        col.double('lng', true),
        col.double('lat', true),
        col.int('radius_meters', true),
        col.int('capacity', true),
        col.varchar('check_methods', 32),
        { name: 'require_location', type: 'boolean', default: 0 },
        { name: 'require_confirmed_signup', type: 'boolean', default: 0 },
        // Bumped by every sign-up and cancellation: the UPDATE takes the activity's row lock first, so
        // concurrent sign-ups for the last place queue up behind each other on SQLite and MariaDB alike.
        { ...col.int('signup_version'), default: 0 },
        col.int('created_by_id'),
        col.createdAt(),
      ],
      {
        indices: [['community_id', 'starts_at'], ['party_organization_id']],
        foreignKeys: [
          { column: 'community_id', table: 'communities', onDelete: 'RESTRICT' },
          { column: 'party_organization_id', table: 'party_organizations', onDelete: 'SET NULL' },
          { column: 'created_by_id', table: 'users', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'volunteer_signups',
      [
        col.id(),
        col.int('activity_id'),
        col.int('user_id'),
        col.varchar('status', 16),
        // Millisecond precision: the waiting list is first come, first served.
        { name: 'queued_at', type: 'datetime', precision: 3 },
        col.varchar('idempotency_key', 64, true),
        col.createdAt(),
      ],
      {
        uniques: [['activity_id', 'user_id']],
        indices: [['user_id']],
        foreignKeys: [
          { column: 'activity_id', table: 'volunteer_activities', onDelete: 'CASCADE' },
          { column: 'user_id', table: 'users', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'volunteer_attendances',
      [
        col.id(),
        col.int('activity_id'),
        col.int('user_id'),
        col.datetime('check_in_at', true),
        col.varchar('check_in_method', 16, true),
        col.int('check_in_distance', true),
        col.datetime('check_out_at', true),
        col.varchar('check_out_method', 16, true),
        { ...col.int('minutes'), default: 0 },
        col.createdAt(),
      ],
      {
        uniques: [['activity_id', 'user_id']],
        indices: [['user_id']],
        foreignKeys: [
          { column: 'activity_id', table: 'volunteer_activities', onDelete: 'CASCADE' },
          { column: 'user_id', table: 'users', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'volunteer_attendance_corrections',
      [
        col.id(),
        col.int('attendance_id'),
        col.int('corrected_by_id'),
        col.varchar('reason', 255),
        col.datetime('previous_check_in_at', true),
        col.datetime('previous_check_out_at', true),
        col.datetime('check_in_at'),
        col.datetime('check_out_at', true),
        col.createdAt(),
      ],
      {
        indices: [['attendance_id']],
        foreignKeys: [
          { column: 'attendance_id', table: 'volunteer_attendances', onDelete: 'CASCADE' },
          { column: 'corrected_by_id', table: 'users', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'volunteer_service_records',
      [
        col.id(),
        col.int('attendance_id'),
        col.int('activity_id'),
        col.int('user_id'),
        col.int('community_id'),
        col.varchar('theme_code', 32),
        col.datetime('served_at'),
        col.int('minutes'),
        { ...col.varchar('status', 16), default: "'pending'" },
        col.varchar('certifying_organization', 128),
        col.int('reviewed_by_id', true),
        col.datetime('certified_at', true),
        col.varchar('reject_reason', 255, true),
        col.createdAt(),
      ],
      {
        uniques: [['attendance_id']],
        indices: [['user_id', 'served_at'], ['community_id', 'served_at'], ['activity_id']],
        foreignKeys: [
          { column: 'attendance_id', table: 'volunteer_attendances', onDelete: 'CASCADE' },
          { column: 'user_id', table: 'users', onDelete: 'RESTRICT' },
          { column: 'community_id', table: 'communities', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'points_accounts',
      [{ ...col.int('user_id'), isPrimary: true }, { ...col.int('balance'), default: 0 }, col.updatedAt()],
      { foreignKeys: [{ column: 'user_id', table: 'users', onDelete: 'CASCADE' }] },
    );

    await createTable(
      queryRunner,
      'points_ledger',
      [
        col.id(),
        col.int('user_id'),
        col.int('community_id', true),
        col.varchar('rule_code', 32),
        col.int('points'),
        col.varchar('day', 10),
        col.datetime('occurred_at'),
        col.varchar('source_type', 32),
        col.varchar('source_id', 64),
        col.int('reversal_of', true),
        // `earn:<rule>:<source>:<user>` or `reverse:<line id>`: one earning per source and one reversal per
        // line, enforced by the database even when two requests race.
        col.varchar('entry_key', 191),
        col.createdAt(),
      ],
      {
        uniques: [['entry_key']],
        indices: [['user_id', 'rule_code', 'day'], ['community_id'], ['source_type', 'source_id']],
        foreignKeys: [{ column: 'user_id', table: 'users', onDelete: 'CASCADE' }],
      },
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'points_ledger',
      'points_accounts',
      'volunteer_service_records',
      'volunteer_attendance_corrections',
      'volunteer_attendances',
      'volunteer_signups',
      'volunteer_activities',
      'party_member_check_ins',
      'party_organizations',
      'volunteer_profiles',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}

interface ForeignKeySpec {
  column: string;
  table: string;
  onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL';
}

interface TableExtras {
  uniques?: string[][];
  indices?: string[][];
  foreignKeys?: ForeignKeySpec[];
}

async function createTable(queryRunner: QueryRunner, name: string, columns: TableColumnOptions[], extras: TableExtras): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name,
      columns,
      uniques: (extras.uniques ?? []).map((cols) => new TableUnique({ name: `uq_${name}_${cols.join('_')}`, columnNames: cols })),
      indices: (extras.indices ?? []).map((cols) => new TableIndex({ name: `idx_${name}_${cols.join('_')}`, columnNames: cols })),
      foreignKeys: (extras.foreignKeys ?? []).map(
        (fk) =>
          new TableForeignKey({
            name: `fk_${name}_${fk.column}`,
            columnNames: [fk.column],
            referencedTableName: fk.table,
            referencedColumnNames: ['id'],
            onDelete: fk.onDelete,
            onUpdate: 'NO ACTION',
          }),
      ),
    }),
    true,
  );
}

/** Column builders as in the foundation migration: only timestamp defaults differ by dialect. */
function columnKit(queryRunner: QueryRunner) {
  const types = queryRunner.connection.driver.mappedDataTypes;
  const supportsOnUpdate = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
  return {
    id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
    double: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double', isNullable: nullable }),
    text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
    varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    }),
    createdAt: (): TableColumnOptions => ({
      name: 'created_at',
      type: 'datetime',
      precision: types.createDatePrecision,
      default: types.createDateDefault,
    }),
    updatedAt: (): TableColumnOptions => ({
      name: 'updated_at',
      type: 'datetime',
      precision: types.updateDatePrecision,
      default: types.updateDateDefault,
      onUpdate: supportsOnUpdate ? types.updateDateDefault : undefined,
    }),
  };
}
