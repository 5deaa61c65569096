import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * Snap-and-report cases: the case, its photos, timeline, followers and departments, the daily code counter,
 * and the generic audit log. Neutral Table API so it runs on SQLite and MariaDB alike; constraint names follow
 * SnakeNamingStrategy (uq_/fk_/idx_<table>_<columns>) so a schema diff against the entities stays empty.
 */
export class Cases1732000003000 implements MigrationInterface {
  name = 'Cases1732000003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnKit(queryRunner);

    await createTable(
      queryRunner,
      'cases',
      [
        col.id(),
        col.varchar('code', 32),
        col.int('reporter_id'),
        col.varchar('client_key', 64),
        { name: 'description', type: 'text' },
        col.double('lng'),
        col.double('lat'),
        col.varchar('address', 200, true),
        col.int('district_id'),
        col.int('street_id', true),
        col.int('community_id', true),
        col.int('grid_id', true),
        col.int('category_id', true),
        { ...col.double('classification_confidence'), isNullable: true },
        col.varchar('routed_by', 16),
        col.varchar('status', 16),
        col.int('handler_user_id', true),
        col.int('lead_department_id', true),
        col.varchar('queue', 24),
        { ...col.int('reopen_count'), default: 0 },
        col.datetime('response_due_at'),
        col.datetime('resolve_due_at'),
        col.datetime('accepted_at'),
        col.datetime('resolved_at'),
        col.datetime('closed_at'),
        col.int('rating', true),
        col.varchar('rating_comment', 500, true),
        col.varchar('reject_kind', 16, true),
        col.varchar('reject_reason', 500, true),
        { ...col.int('timeline_seq'), default: 0 },
        { ...col.int('version'), default: 1 },
        col.createdAt(),
        col.updatedAt(),
      ],
      {
        uniques: [['code'], ['reporter_id', 'client_key']],
        indices: [
          ['lat'],
          ['district_id'],
          ['street_id'],
          ['community_id'],
          ['grid_id'],
          ['category_id'],
          ['status'],
          ['handler_user_id'],
          ['lead_department_id'],
          ['created_at'],
        ],
        foreignKeys: [
          { column: 'reporter_id', table: 'users', onDelete: 'RESTRICT' },
          { column: 'category_id', table: 'problem_categories', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'case_photos',
      [col.id(), col.int('case_id'), col.varchar('media_id', 22), col.varchar('kind', 8), col.int('position')],
      {
        uniques: [['media_id']],
        indices: [['case_id']],
        foreignKeys: [
          { column: 'case_id', table: 'cases', onDelete: 'CASCADE' },
          { column: 'media_id', table: 'media_files', onDelete: 'RESTRICT' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'case_timeline',
      [
        col.id(),
        col.int('case_id'),
        col.int('seq'),
        col.varchar('event', 24),
        col.varchar('from_status', 16, true),
        col.varchar('to_status', 16),
        col.int('actor_user_id', true),
        col.varchar('actor_role', 24),
        col.varchar('note', 1000, true),
        { name: 'data', type: 'text', isNullable: true },
        col.createdAt(),
      ],
      {
        uniques: [['case_id', 'seq']],
        foreignKeys: [{ column: 'case_id', table: 'cases', onDelete: 'CASCADE' }],
      },
    );

    await createTable(queryRunner, 'case_followers', [col.id(), col.int('case_id'), col.int('user_id'), col.createdAt('joined_at')], {
      uniques: [['case_id', 'user_id']],
      indices: [['user_id']],
      foreignKeys: [
        { column: 'case_id', table: 'cases', onDelete: 'CASCADE' },
        { column: 'user_id', table: 'users', onDelete: 'CASCADE' },
      ],
    });

    await createTable(queryRunner, 'case_departments', [col.id(), col.int('case_id'), col.int('department_id'), col.varchar('role', 8)], {
      uniques: [['case_id', 'department_id']],
      indices: [['department_id']],
      foreignKeys: [
        { column: 'case_id', table: 'cases', onDelete: 'CASCADE' },
        { column: 'department_id', table: 'departments', onDelete: 'RESTRICT' },
      ],
    });

    await createTable(queryRunner, 'case_code_counters', [{ ...col.varchar('day', 8), isPrimary: true }, col.int('last_value')], {});

    await createTable(
      queryRunner,
      'audit_log',
      [
        col.id(),
        col.varchar('entity', 32),
        col.varchar('entity_id', 64),
        col.varchar('action', 32),
        col.int('actor_user_id', true),
        { name: 'before', type: 'text', isNullable: true },
        { name: 'after', type: 'text', isNullable: true },
        col.varchar('request_id', 128, true),
        col.createdAt(),
      ],
      { indices: [['entity', 'entity_id'], ['actor_user_id']] },
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'case_code_counters', 'case_departments', 'case_followers', 'case_timeline', 'case_photos', 'cases']) {
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

/** Column builders; timestamps take type, precision and default from the driver, as the foundation does. */
function columnKit(queryRunner: QueryRunner) {
  const types = queryRunner.connection.driver.mappedDataTypes;
  const supportsOnUpdate = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
  return {
    id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
    double: (name: string): TableColumnOptions => ({ name, type: 'double' }),
    datetime: (name: string): TableColumnOptions => ({ name, type: 'datetime', isNullable: true }),
    varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    }),
    createdAt: (name = 'created_at'): TableColumnOptions => ({
      name,
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
