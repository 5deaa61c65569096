import { VolunteerRuleError, volunteerError } from './volunteer-errors';

export const VOLUNTEER_SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type VolunteerSignupStatus = (typeof VOLUNTEER_SIGNUP_STATUSES)[number];

export const VOLUNTEER_SIGNUP_STATUS_LABELS: Record<VolunteerSignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export type VolunteerPersonId = number | string;

/** One sign-up as the rules see it. Lists are passed in sign-up order (oldest first): that order is the queue. */
export interface VolunteerSignupEntry {
  personId: VolunteerPersonId;
  status: VolunteerSignupStatus;
}

/** What the sign-up rules read of an activity. */
export interface VolunteerSignupActivity {
  startsAt: Date;
  /** null = unlimited. */
  capacity: number | null;
  /** A cancelled activity takes no sign-ups. */
  cancelledAt?: Date | null;
}

export interface VolunteerSignupDecision {
  ok: true;
  status: 'confirmed' | 'waitlisted';
  /** 1-based place on the waiting list, or null when confirmed. */
  waitlistPosition: number | null;
}

export interface VolunteerCancellation {
  ok: true;
  /** Whether the cancelled place was a confirmed one (only then can someone move up). */
  freedConfirmedPlace: boolean;
  /** People to switch from waitlisted to confirmed, first come first served. */
  promoted: VolunteerPersonId[];
}

const activeSignupOf = (signups: readonly VolunteerSignupEntry[], personId: VolunteerPersonId) =>
  signups.find((s) => s.personId === personId && s.status !== 'cancelled');

const countStatus = (signups: readonly VolunteerSignupEntry[], status: VolunteerSignupStatus) =>
  signups.reduce((n, s) => n + (s.status === status ? 1 : 0), 0);

/**
 * The status a new sign-up gets: confirmed while places are left, otherwise waitlisted. Closed once the
 * activity starts; someone who cancelled may sign up again, but joins the end of the queue.
 */
export function decideVolunteerSignup(input: {
  activity: VolunteerSignupActivity;
  signups: readonly VolunteerSignupEntry[];
  personId: VolunteerPersonId;
  now: Date;
}): VolunteerSignupDecision | VolunteerRuleError {
  const { activity, signups, personId, now } = input;
  if (activity.cancelledAt) return volunteerError('activity_cancelled');
  if (now.getTime() >= activity.startsAt.getTime()) return volunteerError('signup_closed');
  const existing = activeSignupOf(signups, personId);
  if (existing) return volunteerError('duplicate_signup', { status: existing.status });

  const confirmed = countStatus(signups, 'confirmed');
  if (activity.capacity === null || confirmed < activity.capacity) {
    return { ok: true, status: 'confirmed', waitlistPosition: null };
  }
  return { ok: true, status: 'waitlisted', waitlistPosition: countStatus(signups, 'waitlisted') + 1 };
}

/**
 * Who moves up from the waiting list given the current statuses: the oldest waitlisted people, as many as
 * there are free places. Also what to run after the organiser raises the capacity. Lowering the capacity
 * never demotes anyone already confirmed — they were promised a place.
 */
export function volunteerWaitlistPromotions(
  capacity: number | null,
  signups: readonly VolunteerSignupEntry[],
): VolunteerPersonId[] {
  const waitlisted = signups.filter((s) => s.status === 'waitlisted').map((s) => s.personId);
  if (capacity === null) return waitlisted;
  const free = Math.max(0, capacity - countStatus(signups, 'confirmed'));
  return waitlisted.slice(0, free);
}

/** Cancel a person's sign-up and say who moves up. Allowed until the activity starts, like signing up. */
export function cancelVolunteerSignup(input: {
  activity: VolunteerSignupActivity;
  signups: readonly VolunteerSignupEntry[];
  personId: VolunteerPersonId;
  now: Date;
}): VolunteerCancellation | VolunteerRuleError {
  const { activity, signups, personId, now } = input;
  // Withdrawing from a called-off activity would only move waitlisted people into it.
  if (activity.cancelledAt) return volunteerError('activity_cancelled');
  if (now.getTime() >= activity.startsAt.getTime()) return volunteerError('signup_closed');
  const existing = activeSignupOf(signups, personId);
  if (!existing) {
    const cancelled = signups.some((s) => s.personId === personId);
    return volunteerError(cancelled ? 'already_cancelled' : 'not_signed_up');
  }
  const after = signups.map((s) => (s === existing ? { ...s, status: 'cancelled' as const } : s));
  return {
    ok: true,
    freedConfirmedPlace: existing.status === 'confirmed',
    promoted: volunteerWaitlistPromotions(activity.capacity, after),
  };
}

/** A person's 1-based place on the waiting list, or null when they are not waiting. */
export function volunteerWaitlistPosition(
  signups: readonly VolunteerSignupEntry[],
  personId: VolunteerPersonId,
): number | null {
  const index = signups.filter((s) => s.status === 'waitlisted').findIndex((s) => s.personId === personId);
  return index === -1 ? null : index + 1;
}
