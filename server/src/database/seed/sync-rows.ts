import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** Rows per INSERT: well inside SQLite's bound-parameter limit and MariaDB's packet size. */
const INSERT_BATCH = 200;

export interface SyncSpec<T extends ObjectLiteral> {
  /** The natural key a seeded row is found by (a code, a seed key, an address). */
  keyOf: (row: Partial<T>) => string;
  /** Fields brought back to the seed's value when they differ; others are left as the demo changed them. */
  update: Array<keyof T & string>;
  /** Narrows the rows considered (e.g. only seeded users), so unrelated data is never read or touched. */
  where?: FindOptionsWhere<T>;
}

/**
 * Makes the table hold the desired rows: inserts the missing ones in batches and updates only fields that
 * differ, so a second run writes nothing. Never deletes. Returns every considered row by natural key.
 */
export async function syncRows<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  desired: Array<Partial<T>>,
  spec: SyncSpec<T>,
): Promise<Map<string, T>> {
  const load = async () => new Map((await manager.find(entity, { where: spec.where })).map((row) => [spec.keyOf(row), row] as const));
  const existing = await load();

  const missing: Array<Partial<T>> = [];
  const seen = new Set<string>();
  for (const row of desired) {
    const key = spec.keyOf(row);
    if (seen.has(key)) throw new Error(`seed data lists ${key} twice`);
    seen.add(key);
    const current = existing.get(key);
    if (!current) {
      missing.push(row);
      continue;
    }
    const changes: Partial<T> = {};
    for (const field of spec.update) {
      if (!sameValue(current[field], row[field])) changes[field] = row[field] as T[typeof field];
    }
    if (Object.keys(changes).length) await manager.update(entity, current.id, changes as never);
  }

  for (let i = 0; i < missing.length; i += INSERT_BATCH) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(missing.slice(i, i + INSERT_BATCH) as never)
      // The rows are read back in one query below; per-batch read-back would only add round trips.
      .updateEntity(false)
      .execute();
  }
  return missing.length ? load() : existing;
}

/** Database values come back as numbers, strings or parsed JSON depending on the driver and transformer. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return JSON.stringify(a) === JSON.stringify(b);
}
