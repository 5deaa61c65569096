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
 * Takes the next code of the day inside the caller's transaction. The counter row is bumped with an UPDATE
 * (a row lock on MariaDB) before it is read, so concurrent reports never share a number; the day's first
 * report inserts the row, and a concurrent first insert falls back to the bump.
 */
export async function nextCaseCode(manager: EntityManager, now: Date): Promise<string> {
  const day = shanghaiDayStamp(now);
  const counters = manager.getRepository(CaseCodeCounter);
  const bump = () =>
    counters.createQueryBuilder().update().set({ lastValue: () => 'last_value + 1' }).where('day = :day', { day }).execute();
  let bumped = await bump();
  if (!bumped.affected) {
    try {
      await counters.insert({ day, lastValue: 1 });
      return formatCaseCode(day, 1);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      bumped = await bump();
    }
  }
  const row = await counters.findOneByOrFail({ day });
  return formatCaseCode(day, row.lastValue);
}
