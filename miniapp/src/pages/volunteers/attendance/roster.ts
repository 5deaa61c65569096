import { VOLUNTEER_CAPACITY_MAX, type VolunteerAttendanceView, type VolunteerSignupView } from '@linli/shared';

/** Signed-up people with no attendance yet: the ones an organiser may need to record by hand after the event. */
export function volunteerSignupsWithoutAttendance(signups: VolunteerSignupView[], attendances: VolunteerAttendanceView[]): VolunteerSignupView[] {
  const came = new Set(attendances.map((a) => a.userId));
  return signups.filter((s) => s.status !== 'cancelled' && !came.has(s.userId));
}

/** The places field: blank means no limit; otherwise a whole number from one to VOLUNTEER_CAPACITY_MAX. */
export function parseVolunteerCapacity(text: string): { capacity: number | null } | { error: string } {
  const t = text.trim();
  if (!t) return { capacity: null };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1) return { error: '招募人数须为正整数，不限人数请留空' };
  if (n > VOLUNTEER_CAPACITY_MAX) return { error: `招募人数不能超过 ${VOLUNTEER_CAPACITY_MAX}，不限人数请留空` };
  return { capacity: n };
}
