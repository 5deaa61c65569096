import { shanghaiLocalMonth, shanghaiLocalYear } from '../points/local-day';
import { volunteerThemeLabel } from './activity-themes';
import { volunteerHoursFromMinutes } from './attendance';
import { VolunteerServiceRecordStatus } from './service-record-status';

/** One person's service at one activity, as pages, exports and committee figures aggregate it. */
export interface VolunteerServiceRecord {
  personId: number | string;
  activityId: number | string;
  themeCode: string;
  /** When the service happened (the activity start); decides its month and year, in Shanghai time. */
  servedAt: Date;
  minutes: number;
  status: VolunteerServiceRecordStatus;
}

export interface VolunteerServiceTotals {
  minutes: number;
  /** From the summed minutes, not a sum of rounded hours, so totals do not drift. */
  hours: number;
  records: number;
  /** Distinct volunteers (人数) and distinct activities (场次). */
  people: number;
  activities: number;
}

export interface VolunteerServiceFilter {
  /** Which records count; by default only certified ones. */
  statuses?: readonly VolunteerServiceRecordStatus[];
}

export type VolunteerServicePeriod = 'month' | 'year';

function counted(records: readonly VolunteerServiceRecord[], filter: VolunteerServiceFilter | undefined) {
  const statuses = filter?.statuses ?? ['certified'];
  return records.filter((r) => statuses.includes(r.status));
}

function totalsOf(records: readonly VolunteerServiceRecord[]): VolunteerServiceTotals {
  const minutes = records.reduce((sum, r) => sum + Math.max(0, r.minutes), 0);
  return {
    minutes,
    hours: volunteerHoursFromMinutes(minutes),
    records: records.length,
    people: new Set(records.map((r) => String(r.personId))).size,
    activities: new Set(records.map((r) => String(r.activityId))).size,
  };
}

function groupBy<K>(records: readonly VolunteerServiceRecord[], key: (r: VolunteerServiceRecord) => K): Map<K, VolunteerServiceRecord[]> {
  const groups = new Map<K, VolunteerServiceRecord[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export function summarizeVolunteerService(records: readonly VolunteerServiceRecord[], filter?: VolunteerServiceFilter): VolunteerServiceTotals {
  return totalsOf(counted(records, filter));
}

/** Totals per calendar month (`2025-06`) or year (`2025`) in Shanghai time, oldest first; empty periods omitted. */
export function volunteerServiceByPeriod(
  records: readonly VolunteerServiceRecord[],
  period: VolunteerServicePeriod,
  filter?: VolunteerServiceFilter,
): Array<VolunteerServiceTotals & { period: string }> {
  const periodOf = period === 'month' ? shanghaiLocalMonth : shanghaiLocalYear;
  return [...groupBy(counted(records, filter), (r) => periodOf(r.servedAt))]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ period: key, ...totalsOf(group) }));
}

/** Totals per theme, the most served first (ties by code, so exports are stable). */
export function volunteerServiceByTheme(
  records: readonly VolunteerServiceRecord[],
  filter?: VolunteerServiceFilter,
): Array<VolunteerServiceTotals & { themeCode: string; label: string }> {
  return [...groupBy(counted(records, filter), (r) => r.themeCode)]
    .map(([themeCode, group]) => ({ themeCode, label: volunteerThemeLabel(themeCode), ...totalsOf(group) }))
    .sort((a, b) => b.minutes - a.minutes || (a.themeCode < b.themeCode ? -1 : a.themeCode > b.themeCode ? 1 : 0));
}

/** Totals per volunteer, the most served first — for honour rolls and a person's certificate. */
export function volunteerServiceByPerson(
  records: readonly VolunteerServiceRecord[],
  filter?: VolunteerServiceFilter,
): Array<VolunteerServiceTotals & { personId: number | string }> {
  return [...groupBy(counted(records, filter), (r) => String(r.personId))]
    .map(([, group]) => ({ personId: group[0].personId, ...totalsOf(group) }))
    .sort((a, b) => b.minutes - a.minutes || String(a.personId).localeCompare(String(b.personId)));
}
