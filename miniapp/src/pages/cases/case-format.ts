import type { CaseTimelineEntry } from '@linli/shared';

/** How case pages write distances, ages, durations and timeline facts, in Chinese, on Guangzhou (Shanghai) time. */

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

/**
 * The facts a timeline entry carries, in words: which department a case went to (and who helps), whom it was
 * handed to (转派), which report it duplicates, how many stars it got. Null when there is nothing to add.
 */
export function timelineFacts(entry: Pick<CaseTimelineEntry, 'event' | 'data'>): string | null {
  const data = entry.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' && data[key] ? (data[key] as string) : null);
  switch (entry.event) {
    case 'dispatch': {
      const lead = text('departmentName');
      if (!lead) return null;
      const co = Array.isArray(data.coDepartments) ? (data.coDepartments as { name?: unknown }[]).map((d) => d.name).filter((n): n is string => typeof n === 'string') : [];
      return co.length ? `派至${lead}，${co.join('、')}协办` : `派至${lead}`;
    }
    case 'reassign':
      return text('handlerName') ? `转派给${text('handlerName')}` : null;
    case 'reject':
      return text('duplicateOfCode') ? `与${text('duplicateOfCode')}重复` : null;
    case 'rate_satisfied':
    case 'rate_unsatisfied':
      return typeof data.score === 'number' ? `${data.score} 星` : null;
    default:
      return null;
  }
}
