import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * The foundation schema: organisation tree, departments and categories, people and role grants,
 * households and residencies, the duty roster. Written only with TypeORM's neutral Table API so the one
 * migration runs on SQLite (embedded default) and MariaDB (production). Constraint names follow
 * SnakeNamingStrategy (uq_/fk_/idx_<table>_<columns>) so a schema diff against the entities stays empty.
 */
export class Foundation1732000000000 implements MigrationInterface {
  name = 'Foundation1732000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const col = columnKit(queryRunner);

    await createTable(queryRunner, 'districts', [col.id(), col.varchar('code', 32), col.varchar('name', 64)], {
      uniques: [['code']],
    });

    await createTable(queryRunner, 'streets', [col.id(), col.varchar('code', 32), col.varchar('name', 64), col.int('district_id')], {
      uniques: [['code']],
      indices: [['district_id']],
      foreignKeys: [{ column: 'district_id', table: 'districts', onDelete: 'RESTRICT' }],
    });

    await createTable(queryRunner, 'communities', [col.id(), col.varchar('code', 32), col.varchar('name', 64), col.int('street_id')], {
      uniques: [['code']],
      indices: [['street_id']],
      foreignKeys: [{ column: 'street_id', table: 'streets', onDelete: 'RESTRICT' }],
    });

    await createTable(
      queryRunner,
      'grids',
      [
        col.id(),
        col.varchar('code', 32),
        col.varchar('name', 64),
        col.int('community_id'),
        { name: 'polygon', type: 'text' },
        col.double('min_lng'),
        col.double('min_lat'),
        col.double('max_lng'),
        col.double('max_lat'),
      ],
      {
        uniques: [['code']],
        indices: [['community_id']],
        foreignKeys: [{ column: 'community_id', table: 'communities', onDelete: 'RESTRICT' }],
      },
    );

    await createTable(
      queryRunner,
      'departments',
      [col.id(), col.varchar('code', 32), col.varchar('name', 64), col.int('district_id'), col.varchar('phone', 32, true)],
      {
        uniques: [['code']],
        indices: [['district_id']],
        foreignKeys: [{ column: 'district_id', table: 'districts', onDelete: 'RESTRICT' }],
      },
    );

    await createTable(
      queryRunner,
      'problem_categories',
      [
        col.id(),
        col.varchar('code', 32),
        col.varchar('name', 64),
        col.varchar('group_name', 32),
        col.int('default_department_id'),
        col.int('response_hours'),
        col.int('resolve_hours'),
        { name: 'keywords', type: 'text' },
        { ...col.int('sort_order'), default: 0 },
      ],
      {
        uniques: [['code']],
        indices: [['default_department_id']],
        foreignKeys: [{ column: 'default_department_id', table: 'departments', onDelete: 'RESTRICT' }],
      },
    );

    await createTable(
      queryRunner,
      'users',
      [
        col.id(),
        col.varchar('openid', 64, true),
        col.varchar('name', 64),
        col.varchar('real_name', 64, true),
        col.varchar('phone', 32, true),
        col.varchar('seed_key', 64, true),
        col.createdAt(),
        col.updatedAt(),
      ],
      { uniques: [['openid'], ['seed_key']] },
    );

    await createTable(
      queryRunner,
      'role_grants',
      [col.id(), col.int('user_id'), col.varchar('role', 32), col.varchar('scope_kind', 16), col.int('scope_id', true)],
      {
        uniques: [['user_id', 'role', 'scope_kind', 'scope_id']],
        foreignKeys: [{ column: 'user_id', table: 'users', onDelete: 'CASCADE' }],
      },
    );

    await createTable(
      queryRunner,
      'households',
      [
        col.id(),
        col.int('community_id'),
        col.int('grid_id', true),
        col.varchar('building', 32),
        col.varchar('unit', 32),
        col.varchar('room', 32),
      ],
      {
        uniques: [['community_id', 'building', 'unit', 'room']],
        indices: [['grid_id']],
        foreignKeys: [
          { column: 'community_id', table: 'communities', onDelete: 'RESTRICT' },
          { column: 'grid_id', table: 'grids', onDelete: 'SET NULL' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'residencies',
      [
        col.id(),
        col.int('user_id'),
        col.int('household_id'),
        col.varchar('relation', 16),
        { name: 'exclusive_area', type: 'decimal', precision: 10, scale: 2, isNullable: true },
        { ...col.varchar('status', 16), default: "'pending'" },
        col.varchar('review_note', 255, true),
        col.int('reviewed_by_id', true),
        { name: 'reviewed_at', type: 'datetime', isNullable: true },
        col.createdAt(),
      ],
      {
        uniques: [['user_id', 'household_id']],
        indices: [['household_id']],
        foreignKeys: [
          { column: 'user_id', table: 'users', onDelete: 'CASCADE' },
          { column: 'household_id', table: 'households', onDelete: 'CASCADE' },
        ],
      },
    );

    await createTable(
      queryRunner,
      'duty_shifts',
      [
        col.id(),
        col.int('grid_id', true),
        col.int('community_id', true),
        col.int('user_id'),
        col.int('weekday'),
        col.int('start_minute'),
        col.int('end_minute'),
        // 0 rather than false: both dialects store booleans as integers and report the default that way.
        { name: 'is_dispatcher', type: 'boolean', default: 0 },
      ],
      {
        indices: [['grid_id'], ['community_id'], ['user_id']],
        foreignKeys: [
          { column: 'grid_id', table: 'grids', onDelete: 'CASCADE' },
          { column: 'community_id', table: 'communities', onDelete: 'CASCADE' },
          { column: 'user_id', table: 'users', onDelete: 'CASCADE' },
        ],
      },
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Children before parents, so no foreign key ever points at a dropped table.
    for (const table of [
      'duty_shifts',
      'residencies',
      'households',
      'role_grants',
      'users',
      'problem_categories',
      'departments',
      'grids',
      'communities',
      'streets',
      'districts',
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

/**
 * Column builders. Timestamp columns take their type, precision and default from the driver's own mapping
 * (the same place @CreateDateColumn/@UpdateDateColumn read it), which is the one thing that differs by dialect.
 */
function columnKit(queryRunner: QueryRunner) {
  const types = queryRunner.connection.driver.mappedDataTypes;
  const supportsOnUpdate = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
  return {
    // `integer`, not `int`: SQLite only auto-increments an INTEGER PRIMARY KEY; MariaDB reads it as int.
    id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
    double: (name: string): TableColumnOptions => ({ name, type: 'double' }),
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
