import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { boundPoolWaits, mysqlPoolOf } from './connection-waits';
import { limitSqliteWriteWait } from './sqlite-write-queue';

/**
 * Puts the configured bound on every wait for the database, before any request is served: for a pooled
 * MariaDB connection, and on SQLite for a write's turn. Under test a connection asked for from inside a
 * transaction is refused outright, so the suites catch the pattern that can hang a process; in production it
 * is logged and the bounded wait keeps it from hanging.
 */
@Injectable()
export class ConnectionWaitLimits implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const timeoutMs = this.config.databaseAcquireTimeoutMs;
    const pool = mysqlPoolOf(this.dataSource);
    if (!pool) {
      limitSqliteWriteWait(this.dataSource, timeoutMs);
      return;
    }
    boundPoolWaits(pool, {
      timeoutMs,
      onNested: this.config.nodeEnv === 'test' ? 'fail' : 'warn',
      warn: (error) => this.logger.warn({ err: error }, 'database connection requested inside a transaction'),
    });
  }
}
