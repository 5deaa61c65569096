import { DataSource, QueryFailedError } from 'typeorm';
import type { SqlStatement } from './fixed-sql';

/** The slice of a mysql2 (callback API) connection used here. */
interface Mysql2Connection {
  query(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

/** A MariaDB transaction whose statements are sent in groups (see runPipelinedTransaction). */
export interface PipelinedTransaction {
  /**
   * Sends the statements together; the first call also begins the transaction. Resolves with each statement's
   * result once all are answered, or rejects with the first failure once all are answered (a later statement of
   * the group may already have run: the transaction is then rolled back, never committed).
   */
  send(statements: SqlStatement[]): Promise<unknown[]>;
}

function queryOn(connection: Mysql2Connection, { sql, params }: SqlStatement): Promise<unknown> {
  return new Promise((resolve, reject) => {
    connection.query(sql, params, (error, result) => (error ? reject(new QueryFailedError(sql, params, error)) : resolve(result)));
  });
}

const BEGIN: SqlStatement = { sql: 'START TRANSACTION', params: [] };
const COMMIT: SqlStatement = { sql: 'COMMIT', params: [] };
const ROLLBACK: SqlStatement = { sql: 'ROLLBACK', params: [] };

/**
 * A transaction on one pooled MariaDB connection whose statements go out in groups: the driver queues a
 * group and sends each statement the moment the previous one is answered, so a group costs one turn of this
 * process's event loop, not one per statement. On a busy server that turn can wait behind many requests'
 * work while the transaction holds its locks: fewer turns, shorter locks. COMMIT is sent only after every
 * group succeeded; any failure rolls the whole transaction back.
 */
export async function runPipelinedTransaction<T>(dataSource: DataSource, work: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  try {
    const connection = (await runner.connect()) as Mysql2Connection;
    let begun = false;
    const tx: PipelinedTransaction = {
      async send(statements) {
        const group = begun ? statements : [BEGIN, ...statements];
        begun = true;
        const settled = await Promise.allSettled(group.map((statement) => queryOn(connection, statement)));
        const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        if (failed) throw failed.reason;
        const results = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value);
        return group === statements ? results : results.slice(1);
      },
    };
    try {
      const result = await work(tx);
      if (begun) await queryOn(connection, COMMIT);
      return result;
    } catch (error) {
      if (begun) await queryOn(connection, ROLLBACK).catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
