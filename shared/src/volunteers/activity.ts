import { VOLUNTEER_CAPACITY_MAX } from '../input/bounds';
import { LngLat, isValidLngLat } from '../geo/distance';
import { isVolunteerThemeCode } from './activity-themes';
import { VolunteerRuleError, volunteerError } from './volunteer-errors';

/** Who publishes an activity: the residents' committee, a party branch, or a party organisation reporting in. */
export const VOLUNTEER_ORGANIZER_KINDS = ['community_committee', 'party_branch', 'party_organization'] as const;
export type VolunteerOrganizerKind = (typeof VOLUNTEER_ORGANIZER_KINDS)[number];

export const VOLUNTEER_ORGANIZER_LABELS: Record<VolunteerOrganizerKind, string> = {
  community_committee: '社区居委会',
  party_branch: '党支部',
  party_organization: '报到党组织',
};

/** How a volunteer proves presence: scanning the organiser's rotating QR code, or the phone's location. */
export type VolunteerCheckMethod = 'qr' | 'location';

/**
 * The part of an activity the attendance and sign-up rules read. Entities on the server and view models in
 * the mini-program both satisfy it, so the rules need no persistence types.
 */
export interface VolunteerActivityRules {
  startsAt: Date;
  endsAt: Date;
  /** null = no limit on confirmed sign-ups. */
  capacity: number | null;
  /** Where check-in by location is measured from (GCJ-02, as WeChat reports it). */
  place?: LngLat | null;
  radiusMeters?: number | null;
  /** Methods accepted at check-in/out; default both. */
  checkMethods?: readonly VolunteerCheckMethod[];
  /** Also demand the location for QR scans, so a forwarded photo of the code is not enough. */
  requireLocation?: boolean;
  /** Only confirmed sign-ups may check in (otherwise walk-ins are welcome). */
  requireConfirmedSignup?: boolean;
  /** How early check-in opens, in minutes before the start. */
  checkInEarlyMinutes?: number;
  /** How long after the end people may still check out (they often forget on the spot). */
  checkOutLateMinutes?: number;
  /** Set once the organiser calls the activity off; nothing about it may change afterwards. */
  cancelledAt?: Date | null;
}

export const VOLUNTEER_DEFAULTS = {
  checkInEarlyMinutes: 30,
  checkOutLateMinutes: 60,
  radiusMeters: 200,
  /** GPS accuracy is added to the radius, but never more than this, or a phone reporting "±3 km" checks in anywhere. */
  maxAccuracyToleranceMeters: 50,
  minRadiusMeters: 20,
  maxRadiusMeters: 2000,
} as const;

export interface VolunteerActivityDraft {
  themeCode: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  place?: LngLat | null;
  radiusMeters?: number | null;
}

/** The domain checks on a new or edited activity that a DTO cannot express (ordering, ranges, known theme). */
export function validateVolunteerActivityDraft(draft: VolunteerActivityDraft): { ok: true } | VolunteerRuleError {
  if (!isVolunteerThemeCode(draft.themeCode)) return volunteerError('unknown_theme', { themeCode: draft.themeCode });
  if (!(draft.endsAt.getTime() > draft.startsAt.getTime())) return volunteerError('invalid_time_range');
  if (draft.capacity !== null && !(Number.isInteger(draft.capacity) && draft.capacity > 0 && draft.capacity <= VOLUNTEER_CAPACITY_MAX)) {
    return volunteerError('invalid_capacity', { capacity: draft.capacity });
  }
  if (draft.place && !isValidLngLat(draft.place)) return volunteerError('invalid_location');
  if (draft.radiusMeters !== null && draft.radiusMeters !== undefined) {
    const r = draft.radiusMeters;
    if (!(r >= VOLUNTEER_DEFAULTS.minRadiusMeters && r <= VOLUNTEER_DEFAULTS.maxRadiusMeters)) {
      return volunteerError('invalid_radius', { radiusMeters: r });
    }
  }
  return { ok: true };
}

/** The longest cancellation reason kept; the activity page shows it in full. */
export const VOLUNTEER_CANCEL_REASON_MAX = 200;

/**
 * Whether the organiser may still edit or call off an activity: only while it has not started (people
 * planned their day around what was published) and not after it was cancelled.
 */
export function validateVolunteerActivityChange(input: {
  activity: Pick<VolunteerActivityRules, 'startsAt' | 'cancelledAt'>;
  now: Date;
}): { ok: true } | VolunteerRuleError {
  const { activity, now } = input;
  if (activity.cancelledAt) return volunteerError('activity_cancelled', { cancelledAt: activity.cancelledAt.toISOString() });
  if (now.getTime() >= activity.startsAt.getTime()) return volunteerError('activity_started');
  return { ok: true };
}

/** A cancellation needs a reason the signed-up people can read, trimmed and not too long. */
export function validateVolunteerCancelReason(reason: string | null | undefined): { ok: true; reason: string } | VolunteerRuleError {
  const trimmed = (reason ?? '').trim();
  if (!trimmed) return volunteerError('cancel_reason_required');
  if (Array.from(trimmed).length > VOLUNTEER_CANCEL_REASON_MAX) return volunteerError('cancel_reason_too_long', { max: VOLUNTEER_CANCEL_REASON_MAX });
  return { ok: true, reason: trimmed };
}
