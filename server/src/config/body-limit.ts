const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT's notation: a whole number of bytes, kilobytes or megabytes (512kb, 1mb). */
export const BODY_LIMIT_PATTERN = /^(\d+)(b|kb|mb)$/i;

/** `512kb`, `1mb`, `2048b` (the notation BODY_LIMIT is validated against) in bytes. */
export function bodyLimitBytes(limit: string): number {
  const match = BODY_LIMIT_PATTERN.exec(limit);
  if (!match) throw new Error(`body limit ${JSON.stringify(limit)} must look like 512kb or 1mb`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}
