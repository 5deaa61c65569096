import { DataSource } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` after every earlier call for the same SQLite data source has finished. TypeORM's
 * better-sqlite3 driver shares one connection, so two overlapping `transaction()` calls would nest as
 * savepoints of each other instead of running one after the other; queueing restores SQLite's usual
 * one-writer-at-a-time order inside this process. On MariaDB it runs at once (row locks order the writers).
 */
export function serializedOnSqlite<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3' && dataSource.options.type !== 'sqlite') return work();
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(work, work);
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
