/**
 * One byte-exact JSON text per value, so a hash over it can be recomputed anywhere: object keys
 * sorted by UTF-16 code units (as RFC 8785 does), no whitespace, properties whose value is
 * undefined left out. Only integers are allowed as numbers — float formatting is where
 * implementations differ, and nothing hashed here needs a fraction.
 */
export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`规范化 JSON 只接受安全整数：${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as { [key: string]: CanonicalValue | undefined };
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k]!)}`).join(',')}}`;
  }
  throw new TypeError(`无法规范化的值类型：${typeof value}`);
}
