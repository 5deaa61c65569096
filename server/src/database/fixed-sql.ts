import { EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** The slice of a mysql2 (callback API) connection used here. */
interface Mysql2Connection {
  execute(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

/**
 * Inserts one row and returns its generated id, in one statement whose SQL text depends only on the table and
 * the columns given, every value bound as a parameter. Two reasons not to use Repository#save/#insert on hot
 * paths: they read the row back afterwards (one SELECT per row, for defaults and timestamps), and on SQLite
 * TypeORM writes numbers into the SQL text, so every row is a new statement to prepare (and pushes the
 * prepared ones out of the driver's statement cache). Values go through the column's transformer and the
 * driver's conversion, as save() would; columns left undefined take their database default. On MariaDB, inside
 * a transaction, the statement goes through the connection's prepared statements (parsed once per connection,
 * the values sent in binary), which saves the server parsing a long INSERT on every report.
 */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, values: Partial<T>): Promise<number> {
  const driver = manager.connection.driver;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isGenerated && c.getEntityValue(values) !== undefined);
  const sql =
    `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
    `VALUES (${columns.map(() => '?').join(', ')})`;
  const params = columns.map((c) => driver.preparePersistentValue(c.getEntityValue(values), c));
  const connection = manager.queryRunner?.isTransactionActive && manager.connection.options.type !== 'better-sqlite3' ? (manager.queryRunner as unknown as { databaseConnection?: Mysql2Connection }).databaseConnection : undefined;
  const raw: unknown = connection ? await executePrepared(connection, sql, params) : await manager.query(sql, params);
  // better-sqlite3 answers with the row id; mysql2 with a result header carrying insertId.
  const id = typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : Number((raw as { insertId?: unknown } | null)?.insertId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`insertRow: no generated id for ${metadata.tableName}`);
  return id;
}

/** mysql2's execute(), with failures shaped as manager.query() shapes them (QueryFailedError carrying the driver error). */
function executePrepared(connection: Mysql2Connection, sql: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    connection.execute(sql, params, (error, result) => (error ? reject(new QueryFailedError(sql, params, error)) : resolve(result)));
  });
}

/** Values for `columns` of one row, through each column's transformer and the driver's conversion, as save() would. */
function persistentValues(manager: EntityManager, columns: ColumnMetadata[], values: ObjectLiteral): unknown[] {
  const driver = manager.connection.driver;
  return columns.map((c) => {
    const value = c.getEntityValue(values);
    return value === undefined ? null : driver.preparePersistentValue(value, c);
  });
}

/** One SQL statement with its bound values (`?` placeholders). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Several rows of one table in one INSERT statement, nothing read back. Every row must set the same columns
 * (the first row's decide); the SQL text depends only on the table, those columns and the row count.
 */
export function insertRowsStatement<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): SqlStatement {
  if (rows.length === 0) throw new Error('insertRowsStatement: no rows');
  const driver = manager.connection.driver;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isGenerated && c.getEntityValue(rows[0]) !== undefined);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
  return { sql, params: rows.flatMap((row) => persistentValues(manager, columns, row)) };
}

/** Inserts several rows of one table in one statement (see insertRowsStatement). */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = insertRowsStatement(manager, target, rows);
  await manager.query(sql, params);
}

/**
 * The SELECT of the named properties of the rows matching `where` (SQL over column names, `?` for each bound
 * value), and the conversion of its raw rows back as find() would (transformers, dates, booleans), without the
 * query builder: the SQL text is fixed for the call site, and nothing else is selected or hydrated. `suffix`
 * may add ORDER BY or FOR UPDATE.
 */
export function selectColumnsStatement<T extends ObjectLiteral, K extends keyof T & string>(
  manager: EntityManager,
  target: EntityTarget<T>,
  properties: readonly K[],
  where: string,
  params: unknown[],
  suffix = '',
): ColumnsRead<Pick<T, K>> {
  const driver = manager.connection.driver;
  const metadata = manager.connection.getMetadata(target);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`selectColumns: ${metadata.tableName} has no property ${property}`);
    return column;
  });
  const sql = `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${driver.escape(metadata.tablePath)} WHERE ${where}${suffix ? ` ${suffix}` : ''}`;
  const hydrate = (raw: Record<string, unknown>[]) =>
    raw.map((row) => {
      const out = {} as Pick<T, K>;
      columns.forEach((c, i) => {
        (out as Record<string, unknown>)[properties[i]] = driver.prepareHydratedValue(row[c.databaseName], c);
      });
      return out;
    });
  return { statement: { sql, params }, hydrate };
}

/** A read built by selectColumnsStatement: its SELECT and the conversion of the rows it returns. */
export type ColumnsRead<R> = { statement: SqlStatement; hydrate: (raw: Record<string, unknown>[]) => R[] };

/** Runs a read's SELECT on the manager (inside its transaction, if any) and converts the rows. */
export async function runRead<R>(manager: EntityManager, { statement, hydrate }: ColumnsRead<R>): Promise<R[]> {
  return hydrate(await manager.query(statement.sql, statement.params));
}

/** Runs selectColumnsStatement's SELECT on the manager and converts the rows. */
export async function selectColumns<T extends ObjectLiteral, K extends keyof T & string>(
  manager: EntityManager,
  target: EntityTarget<T>,
  properties: readonly K[],
  where: string,
  params: unknown[],
  suffix = '',
): Promise<Pick<T, K>[]> {
  return runRead(manager, selectColumnsStatement(manager, target, properties, where, params, suffix));
}
