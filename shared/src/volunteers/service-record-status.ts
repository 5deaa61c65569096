/**
 * A service record (one person's attendance at one activity) is pending until the organiser certifies it.
 * Only certified records count towards hours, certificates and points; a certified record found false later
 * is rejected, which also reverses its points.
 */
export const VOLUNTEER_SERVICE_RECORD_STATUSES = ['pending', 'certified', 'rejected'] as const;
export type VolunteerServiceRecordStatus = (typeof VOLUNTEER_SERVICE_RECORD_STATUSES)[number];

export const VOLUNTEER_SERVICE_RECORD_STATUS_LABELS: Record<VolunteerServiceRecordStatus, string> = {
  pending: '待认定',
  certified: '已认定',
  rejected: '不予认定',
};

const TRANSITIONS: Record<VolunteerServiceRecordStatus, readonly VolunteerServiceRecordStatus[]> = {
  pending: ['certified', 'rejected'],
  certified: ['rejected'],
  rejected: [],
};

export function canChangeVolunteerServiceRecord(from: VolunteerServiceRecordStatus, to: VolunteerServiceRecordStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
