/** How case pages write distances, ages and durations, in Chinese, on Guangzhou (Shanghai) time. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET_MS = 8 * HOUR;

export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.max(1, Math.round(meters))} 米`;
  return `${(meters / 1000).toFixed(1)} 公里`;
}

/** "刚刚", "5 分钟前", "3 小时前", "2 天前". */
export function formatAge(iso: string, now: number): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed < MINUTE) return '刚刚';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} 分钟前`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} 小时前`;
  return `${Math.floor(elapsed / DAY)} 天前`;
}

/** How long something took: "45 分钟", "5 小时", "2 天 3 小时". */
export function formatDuration(fromIso: string, toIso: string): string {
  const ms = Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} 分钟`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} 小时`;
  const days = Math.floor(ms / DAY);
  const hours = Math.round((ms - days * DAY) / HOUR);
  return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
}

/** "11月23日 14:05" on Shanghai time, whatever the phone's zone. */
export function formatDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
