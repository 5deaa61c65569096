import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const MAX_DEADLOCK_RETRIES = 3;

function isDeadlock(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; errno?: number } })?.driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.errno === 1213 || driver?.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * Runs volunteer state changes in transactions that hold on both databases.
 * - SQLite (better-sqlite3): TypeORM shares one connection, so two concurrent `transaction()` calls would
 *   interleave their statements as nested savepoints of one transaction. They are queued here instead;
 *   SQLite allows one writer at a time anyway.
 * - MariaDB: row locks order concurrent writers; a transaction chosen as a deadlock victim is retried.
 */
@Injectable()
export class VolunteerTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.withDeadlockRetry(work);
    const result = this.tail.then(
      () => this.dataSource.transaction(work),
      () => this.dataSource.transaction(work),
    );
    this.tail = result.catch(() => undefined);
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
