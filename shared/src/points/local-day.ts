/**
 * Daily caps, monthly totals and "today" all follow the residents' calendar, Asia/Shanghai (UTC+8, no daylight
 * saving since 1991), whatever timezone the server or database runs in. Fixed offset arithmetic avoids Intl
 * timezone data, which the WeChat runtime does not reliably ship.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar day in Shanghai, as `YYYY-MM-DD`. */
export function shanghaiLocalDay(date: Date): string {
  const d = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar month in Shanghai, as `YYYY-MM`. */
export function shanghaiLocalMonth(date: Date): string {
  return shanghaiLocalDay(date).slice(0, 7);
}

/** The calendar year in Shanghai, as `YYYY`. */
export function shanghaiLocalYear(date: Date): string {
  return shanghaiLocalDay(date).slice(0, 4);
}

/** The instant a Shanghai day (`YYYY-MM-DD`) begins, e.g. for "earned today" queries. */
export function shanghaiDayStart(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`Not a YYYY-MM-DD day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS);
}
