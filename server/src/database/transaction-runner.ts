import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const MAX_DEADLOCK_RETRIES = 3;

/** One queue per SQLite database, shared by every user of it, whatever feature they belong to. */
const sqliteTails = new WeakMap<DataSource, Promise<unknown>>();

function isRetryableLockFailure(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; errno?: number } })?.driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.errno === 1213 || driver?.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * The one way the server opens a write transaction, so every invariant holds on both databases:
 * - SQLite (better-sqlite3): TypeORM shares one connection, so two concurrent `transaction()` calls would
 *   interleave as savepoints of one transaction. They are queued instead (SQLite has one writer anyway).
 * - MariaDB: row locks order concurrent writers; a deadlock victim is retried from the start, so the work
 *   must not have side effects outside the transaction (publish events after it returns).
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.withDeadlockRetry(work);
    const tail = sqliteTails.get(this.dataSource) ?? Promise.resolve();
    const result = tail.then(
      () => this.dataSource.transaction(work),
      () => this.dataSource.transaction(work),
    );
    sqliteTails.set(
      this.dataSource,
      result.catch(() => undefined),
    );
    return result;
  }

  private async withDeadlockRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isRetryableLockFailure(error) || attempt >= MAX_DEADLOCK_RETRIES) throw error;
      }
    }
  }
}
