import type { KeyValueStorage } from './session';

/** A KeyValueStorage kept in memory: for tests, and a fallback where no device storage exists. */
export function memoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage & { dump(): Record<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: (key) => (data.has(key) ? data.get(key) : null),
    set: (key, value) => {
      data.set(key, value);
    },
    remove: (key) => {
      data.delete(key);
    },
    dump: () => Object.fromEntries(data),
  };
}
