import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { shanghaiDayStamp } from '../dispatch/shanghai-clock';
import { CaseCodeCounter } from './entities/case-code-counter.entity';

export const CASE_CODE_PREFIX = 'YX';

/** YX20261123-0001: the day in Asia/Shanghai and its running number (at least four digits). */
export function formatCaseCode(day: string, n: number): string {
  return `${CASE_CODE_PREFIX}${day}-${String(n).padStart(4, '0')}`;
}

/**
 * Adds `count` to the day's counter and reads the new value in the one statement (a row lock on MariaDB until
 * commit), so concurrent reports never share a number: SQLite hands it back with RETURNING; MariaDB has no
 * RETURNING on UPDATE, so the new value goes through LAST_INSERT_ID(expr), which the server reports as the
 * statement's insert id. Null when the day has no counter row yet.
 */
async function bumpCounter(manager: EntityManager, day: string, count: number): Promise<number | null> {
  if (manager.connection.options.type === 'better-sqlite3') {
    const rows: { last_value: number }[] = await manager.query('UPDATE case_code_counters SET last_value = last_value + ? WHERE day = ? RETURNING last_value', [count, day]);
    return rows.length ? Number(rows[0].last_value) : null;
  }
  const result: { affectedRows: number; insertId: number } = await manager.query('UPDATE case_code_counters SET last_value = LAST_INSERT_ID(last_value + ?) WHERE day = ?', [count, day]);
  return result.affectedRows ? Number(result.insertId) : null;
}

/**
 * Takes the day's next `count` running numbers, in order. Inside a transaction the counter row stays locked
 * until it ends (and a rollback gives the numbers back); on a manager outside one, the statement commits on
 * its own, so the lock lasts that statement and a number taken for a report that then fails stays unused.
 * The day's first report inserts the counter row, and a concurrent first insert falls back to the bump.
 */
export async function takeCaseNumbers(manager: EntityManager, day: string, count: number): Promise<number[]> {
  let last = await bumpCounter(manager, day, count);
  if (last === null) {
    try {
      await manager.getRepository(CaseCodeCounter).insert({ day, lastValue: count });
      last = count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      last = await bumpCounter(manager, day, count);
      if (last === null) throw error;
    }
  }
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** The next code of the day, taken in the caller's transaction (see takeCaseNumbers). */
export async function nextCaseCode(manager: EntityManager, now: Date): Promise<string> {
  const day = shanghaiDayStamp(now);
  const [value] = await takeCaseNumbers(manager, day, 1);
  return formatCaseCode(day, value);
}

/** A report waiting for its number. */
interface NumberRequest {
  day: string;
  resolve: (code: string) => void;
  reject: (error: unknown) => void;
}

/** Numbers kept taken ahead, so a report doesn't wait for the counter's commit. */
const SPARE_NUMBERS = 1;

/**
 * Case codes for reports whose number is taken outside their transaction (MariaDB intake). Keeps one number
 * of the day taken ahead: a report uses it at once and the next is taken while that report's transaction
 * runs, so the counter's own commit is not in the report's path. Reports asking while a counter statement
 * runs share the next one. In this process numbers go out in the order asked; a process that stops leaves
 * its spare number unused, and with several processes a spare may go out after higher numbers another
 * process issued meanwhile — codes are unique, not a gapless record of arrival.
 */
@Injectable()
export class CaseCodeIssuer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CaseCodeIssuer.name);
  /** The day the spare numbers belong to (the newest day asked for). */
  private day: string | null = null;
  private spares: number[] = [];
  private waiting: NumberRequest[] = [];
  /** The counter statement under way, if any. */
  private running: Promise<void> | null = null;
  private closing = false;
  /** Taking spares alone failed: wait for the next report before trying again. */
  private refillFailed = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  next(now: Date): Promise<string> {
    const day = shanghaiDayStamp(now);
    return new Promise((resolve, reject) => {
      this.waiting.push({ day, resolve, reject });
      this.refillFailed = false;
      this.serveFromSpares();
      this.pump();
    });
  }

  /** Lets the statement under way finish before the database connections close, and takes no more spares. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    while (this.running) await this.running;
  }

  /** Hands spare numbers to the waiting reports, oldest first. A new day drops the previous day's spares. */
  private serveFromSpares(): void {
    while (this.waiting.length) {
      const request = this.waiting[0];
      if (this.day === null || request.day > this.day) {
        this.day = request.day;
        this.spares = [];
      }
      // A report stamped just before midnight, after the new day's first: it waits for a number of its own day.
      if (request.day !== this.day || this.spares.length === 0) return;
      this.waiting.shift();
      request.resolve(formatCaseCode(request.day, this.spares.shift()!));
    }
  }

  /** One counter statement at a time: the numbers for every report waiting on the first one's day, plus spares. */
  private pump(): void {
    if (this.running) return;
    const day = this.waiting.length ? this.waiting[0].day : this.day;
    if (day === null) return;
    const batch = this.waiting.filter((r) => r.day === day);
    const spares = day === this.day && !this.closing ? Math.max(0, SPARE_NUMBERS - this.spares.length) : 0;
    if (batch.length + spares === 0 || (batch.length === 0 && this.refillFailed)) return;
    this.waiting = this.waiting.filter((r) => r.day !== day);
    this.running = takeCaseNumbers(this.dataSource.manager, day, batch.length + spares)
      .then(
        (numbers) => {
          batch.forEach((request, i) => request.resolve(formatCaseCode(day, numbers[i])));
          if (day === this.day) this.spares.push(...numbers.slice(batch.length));
        },
        (error: unknown) => {
          for (const request of batch) request.reject(error);
          if (batch.length === 0) {
            this.refillFailed = true;
            this.logger.warn({ msg: 'taking a spare case number failed', error: String(error) });
          }
        },
      )
      .finally(() => {
        this.running = null;
        this.serveFromSpares();
        this.pump();
      });
  }
}
