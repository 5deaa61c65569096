import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const MAX_DEADLOCK_RETRIES = 3;

function isDeadlock(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; errno?: number } })?.driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.errno === 1213 || driver?.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** One queue per database, shared by every CaseTransactions instance on it. */
const sqliteTails = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs case writes in transactions that hold on both databases.
 * - SQLite (better-sqlite3): TypeORM shares one connection, so two concurrent `transaction()` calls would
 *   interleave as savepoints of one transaction; they are queued instead (SQLite has one writer anyway).
 * - MariaDB: row locks order concurrent writers; a deadlock victim is retried from the start.
 */
@Injectable()
export class CaseTransactions {
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
        if (!isDeadlock(error) || attempt >= MAX_DEADLOCK_RETRIES) throw error;
      }
    }
  }
}
