import { DataSource } from 'typeorm';
import { DatabaseBusyError } from './connection-waits';

const queues = new WeakMap<DataSource, Promise<unknown>>();
const maxWaits = new WeakMap<DataSource, number>();

/**
 * Bounds how long a write may wait for its turn in this data source's queue; past it, the write is dropped
 * before it starts and its caller gets DatabaseBusyError (503), so a burst cannot queue without end.
 */
export function limitSqliteWriteWait(dataSource: DataSource, maxWaitMs: number): void {
  maxWaits.set(dataSource, maxWaitMs);
}

/** How often a write transaction is retried when another process holds SQLite's write lock. */
const BUSY_RETRIES = 50;
const BUSY_BACKOFF_MS = 20;

const isSqlite = (dataSource: DataSource) => dataSource.options.type === 'better-sqlite3' || dataSource.options.type === 'sqlite';

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, …): another connection is writing. */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs the write transaction `work` after every earlier call for the same SQLite data source has finished.
 * TypeORM's better-sqlite3 driver shares one connection, so two overlapping `transaction()` calls would nest
 * as savepoints of each other instead of running one after the other; queueing restores SQLite's usual
 * one-writer-at-a-time order inside this process. Another process on the same file can still hold the write
 * lock: SQLite then answers SQLITE_BUSY (at once when this transaction had already read an older snapshot),
 * and the whole transaction is run again — it has changed nothing yet. On MariaDB it runs at once (row locks
 * order the writers).
 */
export function serializedOnSqlite<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (!isSqlite(dataSource)) return work();
  const retrying = async (): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, BUSY_BACKOFF_MS * (1 + Math.random())));
      }
    }
  };
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const maxWaitMs = maxWaits.get(dataSource);
  return new Promise<T>((resolve, reject) => {
    let abandoned = false;
    const timer =
      maxWaitMs === undefined
        ? undefined
        : setTimeout(() => {
            abandoned = true;
            reject(new DatabaseBusyError(maxWaitMs));
          }, maxWaitMs);
    const turn = previous.then(() => {
      if (abandoned) return;
      clearTimeout(timer);
      return retrying().then(resolve, reject);
    });
    queues.set(dataSource, turn);
  });
}
