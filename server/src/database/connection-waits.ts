import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * No connection (or, on SQLite, no turn to write) came within the configured wait. The request is answered 503
 * with Retry-After; nothing was written, so the client may simply send it again.
 */
export class DatabaseBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`no database connection within ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * A connection was asked for while the same piece of work already holds one for its transaction. With every
 * pooled connection held by such transactions, each waits for a connection only another can release: the
 * process hangs. Code inside a transaction must use the transaction's manager for every statement.
 */
export class NestedConnectionError extends Error {
  constructor() {
    super('a database connection was requested inside a transaction that already holds one; use the transaction manager');
    this.name = 'NestedConnectionError';
  }
}

const holding = new AsyncLocalStorage<true>();

/** Runs transaction work marked as holding a pooled connection (see NestedConnectionError). */
export function whileHoldingConnection<T>(work: () => Promise<T>): Promise<T> {
  return holding.run(true, work);
}

export function isHoldingConnection(): boolean {
  return holding.getStore() === true;
}

type ConnectionCallback = (error: Error | null, connection?: { release(): void }) => void;

/** The slice of a mysql2 callback pool this needs. */
export interface CallbackPool {
  getConnection(callback: ConnectionCallback): void;
}

export interface ConnectionWaitRules {
  /** Longest wait for a pooled connection before DatabaseBusyError. */
  timeoutMs: number;
  /** Asked when a connection is requested while holding one: 'fail' refuses it (tests), 'warn' reports it. */
  onNested: 'fail' | 'warn';
  warn?: (error: NestedConnectionError) => void;
}

/**
 * Bounds every wait for a connection of a mysql2 pool. mysql2 queues requests without a time limit, so a burst
 * larger than the pool (or a connection leak) would leave requests waiting forever. A request that gives up
 * stays in mysql2's queue; the connection it is handed later goes straight back to the pool.
 */
export function boundPoolWaits(pool: CallbackPool, rules: ConnectionWaitRules): void {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: ConnectionCallback) => {
    if (isHoldingConnection()) {
      const nested = new NestedConnectionError();
      if (rules.onNested === 'fail') return callback(nested);
      rules.warn?.(nested);
    }
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(new DatabaseBusyError(rules.timeoutMs));
    }, rules.timeoutMs);
    getConnection((error, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      callback(error, connection);
    });
  };
}

/** The mysql2 pool under a TypeORM MariaDB/MySQL data source, or null (SQLite, not initialised). */
export function mysqlPoolOf(dataSource: DataSource): CallbackPool | null {
  const pool = (dataSource.driver as unknown as { pool?: CallbackPool }).pool;
  return pool && typeof pool.getConnection === 'function' ? pool : null;
}

/** Whether an error (or the driver error inside a TypeORM one) says the database had no room for the request. */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const inner = (error as { driverError?: unknown })?.driverError;
  if (inner instanceof DatabaseBusyError) return true;
  // mysql2's own refusal when its wait queue is full (queueLimit).
  const message = (error as Error)?.message;
  return message === 'Queue limit reached.' || (inner as Error | undefined)?.message === 'Queue limit reached.';
}
