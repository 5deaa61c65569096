/** Minutes after midnight and weekday (0 = Sunday) on the wall clock in Asia/Shanghai. */
export interface WeekMinute {
  weekday: number;
  minute: number;
}

/** China keeps UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function shanghaiWeekMinute(at: Date): WeekMinute {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { weekday: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** yyyymmdd of the day in Asia/Shanghai, e.g. for case codes. */
export function shanghaiDayStamp(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${local.getUTCFullYear()}${mm}${dd}`;
}
