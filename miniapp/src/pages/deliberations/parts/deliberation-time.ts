/** Residents read times on Beijing time (UTC+8, no daylight saving), whatever the phone's zone. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23 14:05" for an ISO instant; the raw text when it is not one. */
export function formatShanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "还剩 2 天 3 小时" / "还剩 15 分钟" until `iso`, or "已截止". */
export function timeLeft(iso: string, now: Date): string {
  const left = Date.parse(iso) - now.getTime();
  if (!(left > 0)) return '已截止';
  const minutes = Math.ceil(left / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `还剩 ${days} 天${hours ? ` ${hours} 小时` : ''}`;
  if (hours > 0) return `还剩 ${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`;
  return `还剩 ${minutes} 分钟`;
}

/** The end of a discussion period `days` from now. */
export function discussionEndsAt(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}
