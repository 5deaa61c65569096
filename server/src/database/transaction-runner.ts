import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { whileHoldingConnection } from './connection-waits';
import { runPipelinedTransaction, type PipelinedTransaction } from './pipelined-transaction';
import { serializedOnSqlite } from './sqlite-write-queue';

const MAX_DEADLOCK_RETRIES = 3;

function isRetryableLockFailure(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; errno?: number } })?.driverError;
  return driver?.code === 'ER_LOCK_DEADLOCK' || driver?.errno === 1213 || driver?.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * The one way the server opens a write transaction, so every invariant holds on both databases:
 * - SQLite (better-sqlite3): TypeORM shares one connection, so two concurrent `transaction()` calls would
 *   interleave as savepoints of one transaction. They are queued instead, in one queue per database shared
 *   by every feature (SQLite has one writer anyway); SQLITE_BUSY from another process is retried.
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
    // Marked as holding its connection: asking the pool for another from inside would be refused (see
    // NestedConnectionError), since enough such transactions at once would each wait for the others.
    if (!this.isSqlite) return this.retryingDeadlocks(() => this.dataSource.transaction((m) => whileHoldingConnection(() => work(m))));
    return serializedOnSqlite(this.dataSource, () => this.dataSource.transaction(work));
  }

  /**
   * MariaDB only: a transaction whose statements the work sends in groups (see runPipelinedTransaction), for
   * hot paths that know their statements up front; deadlock victims are retried as in run().
   */
  runPipelined<T>(work: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
    if (this.isSqlite) throw new Error('runPipelined: MariaDB/MySQL only');
    return this.retryingDeadlocks(() => runPipelinedTransaction(this.dataSource, (tx) => whileHoldingConnection(() => work(tx))));
  }

  /** Runs the transaction again from the start when it was a deadlock victim (or timed out on a lock). */
  private async retryingDeadlocks<T>(transaction: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction();
      } catch (error) {
        if (!isRetryableLockFailure(error) || attempt >= MAX_DEADLOCK_RETRIES) throw error;
      }
    }
  }
}
