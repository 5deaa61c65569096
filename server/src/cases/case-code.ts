import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { shanghaiDayStamp } from '../dispatch/shanghai-clock';
import { CaseCodeCounter } from './entities/case-code-counter.entity';

export const CASE_CODE_PREFIX = 'YX';

/** YX20261123-0001: the day in Asia/Shanghai and its running number (at least four digits). */
export function formatCaseCode(day: string, n: number): string {
  return `${CASE_CODE_PREFIX}${day}-${String(n).padStart(4, '0')}`;
}

/**
 * Bumps the day's counter and reads the new value in the one statement (a row lock on MariaDB until commit),
 * so concurrent reports never share a number: SQLite hands it back with RETURNING; MariaDB has no RETURNING
 * on UPDATE, so the new value goes through LAST_INSERT_ID(expr), which the server reports as the statement's
 * insert id. Null when the day has no counter row yet.
 */
async function bumpCounter(manager: EntityManager, day: string): Promise<number | null> {
  if (manager.connection.options.type === 'better-sqlite3') {
    const rows: { last_value: number }[] = await manager.query('UPDATE case_code_counters SET last_value = last_value + 1 WHERE day = ? RETURNING last_value', [day]);
    return rows.length ? Number(rows[0].last_value) : null;
  }
  const result: { affectedRows: number; insertId: number } = await manager.query('UPDATE case_code_counters SET last_value = LAST_INSERT_ID(last_value + 1) WHERE day = ?', [day]);
  return result.affectedRows ? Number(result.insertId) : null;
}

/**
 * Takes the next code of the day inside the caller's transaction. The day's first report inserts the
 * counter row, and a concurrent first insert falls back to the bump.
 */
export async function nextCaseCode(manager: EntityManager, now: Date): Promise<string> {
  const day = shanghaiDayStamp(now);
  let value = await bumpCounter(manager, day);
  if (value === null) {
    try {
      await manager.getRepository(CaseCodeCounter).insert({ day, lastValue: 1 });
      return formatCaseCode(day, 1);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      value = await bumpCounter(manager, day);
      if (value === null) throw error;
    }
  }
  return formatCaseCode(day, value);
}

/**
 * A stand-in code for a case row written before its number is taken (unique, never shown: it is replaced in
 * the same transaction by assignCaseCode). Starts with `~`, which no real code does.
 */
export function provisionalCaseCode(): string {
  return `~${randomBytes(12).toString('hex')}`;
}

/**
 * Takes the day's next code for a case already inserted with a provisional code, and writes it. Called as the
 * transaction's last statement on MariaDB, where the counter row stays locked until commit: every statement
 * after the bump would hold up concurrent reports.
 */
export async function assignCaseCode(manager: EntityManager, caseId: number, now: Date): Promise<string> {
  const code = await nextCaseCode(manager, now);
  await manager.query('UPDATE cases SET code = ? WHERE id = ?', [code, caseId]);
  return code;
}
