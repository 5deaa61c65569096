/**
 * Times as residents read them: Shanghai wall-clock, whatever timezone the phone is set to. Fixed offset
 * arithmetic, like the shared local-day rules, because the WeChat runtime does not reliably ship Intl zones.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
/** A Shanghai day: no daylight saving, so the same clock time a day later is always this far on. */
export const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(iso: string) {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()) };
}

/** "11月24日 09:00" */
export function shanghaiDateTimeText(iso: string): string {
  const p = parts(iso);
  return `${p.m}月${p.d}日 ${p.hh}:${p.mm}`;
}

/** "11月24日 09:00–11:30", or both dates when the activity runs past midnight. */
export function shanghaiRangeText(startIso: string, endIso: string): string {
  const a = parts(startIso);
  const b = parts(endIso);
  const sameDay = a.y === b.y && a.m === b.m && a.d === b.d;
  return sameDay ? `${a.m}月${a.d}日 ${a.hh}:${a.mm}–${b.hh}:${b.mm}` : `${shanghaiDateTimeText(startIso)} – ${shanghaiDateTimeText(endIso)}`;
}

/** "09:05" */
export function shanghaiClockText(iso: string): string {
  const p = parts(iso);
  return `${p.hh}:${p.mm}`;
}

/** `YYYY-MM-DD` of an instant in Shanghai, the value a date picker shows. */
export function shanghaiDateValue(iso: string): string {
  const p = parts(iso);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Minutes since midnight of a picker's time (`HH:mm`), or null if it is malformed. */
export function clockMinutes(time: string): number | null {
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!tm) return null;
  const [h, mi] = [Number(tm[1]), Number(tm[2])];
  return h > 23 || mi > 59 ? null : h * 60 + mi;
}

/** A picker's date (`YYYY-MM-DD`) and time (`HH:mm`) in Shanghai as an ISO instant, or null if either is malformed. */
export function shanghaiLocalToIso(date: string, time: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const minutes = clockMinutes(time);
  if (!dm || minutes === null) return null;
  const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d) + minutes * 60_000 - OFFSET_MS;
  // Reject dates the calendar rolls over (2月30日 → 3月2日).
  if (shanghaiDateValue(new Date(ms).toISOString()) !== `${dm[1]}-${dm[2]}-${dm[3]}`) return null;
  return new Date(ms).toISOString();
}
