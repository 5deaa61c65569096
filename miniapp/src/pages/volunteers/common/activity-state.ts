import {
  VOLUNTEER_SIGNUP_STATUS_LABELS,
  volunteerCheckInWindow,
  volunteerCheckOutWindow,
  type VolunteerActivityView,
} from '@linli/shared';

export type VolunteerActivityPhase = 'upcoming' | 'running' | 'ended' | 'cancelled';

export const VOLUNTEER_PHASE_LABELS: Record<VolunteerActivityPhase, string> = {
  upcoming: '报名中',
  running: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

/** What the activity page offers this person now; the server still decides, this only avoids dead buttons. */
export interface VolunteerActivityActions {
  phase: VolunteerActivityPhase;
  /** Sign-up closes when the activity starts (the shared sign-up rule). */
  canSignUp: boolean;
  canCancel: boolean;
  checkInOpen: boolean;
  checkOutOpen: boolean;
  /** 已报名 / 候补第 2 位 / 已取消, or null when not signed up. */
  signupText: string | null;
  /** Whether the next sign-up would land on the waiting list. */
  full: boolean;
  /** 已签到 / 已签退 from the person's own attendance, or null before checking in. */
  attendanceText: string | null;
  /** The organiser may still edit or call off the activity (before the start, not cancelled). */
  canChange: boolean;
}

function rulesOf(activity: VolunteerActivityView) {
  return { startsAt: new Date(activity.startsAt), endsAt: new Date(activity.endsAt), capacity: activity.capacity };
}

const within = (now: Date, w: { opensAt: Date; closesAt: Date }) => now.getTime() >= w.opensAt.getTime() && now.getTime() <= w.closesAt.getTime();

export function volunteerActivityActions(activity: VolunteerActivityView, now: Date): VolunteerActivityActions {
  const rules = rulesOf(activity);
  const t = now.getTime();
  const phase: VolunteerActivityPhase = activity.cancelledAt
    ? 'cancelled'
    : t < rules.startsAt.getTime()
      ? 'upcoming'
      : t < rules.endsAt.getTime()
        ? 'running'
        : 'ended';
  const cancelled = phase === 'cancelled';
  const mine = activity.myAttendance;
  const signup = activity.mySignup;
  const active = signup !== null && signup.status !== 'cancelled';
  const checkIn = volunteerCheckInWindow(rules);
  let signupText: string | null = null;
  if (signup) {
    signupText =
      signup.status === 'waitlisted' && signup.waitlistPosition
        ? `候补第 ${signup.waitlistPosition} 位`
        : VOLUNTEER_SIGNUP_STATUS_LABELS[signup.status];
  }
  return {
    phase,
    canSignUp: phase === 'upcoming' && !active,
    canCancel: phase === 'upcoming' && active,
    // Check-in closes at the end (as in the shared attendance rule); check-out stays open a while after.
    // Windows as the phone's clock sees them (the server judges again); once checked out, or at a cancelled
    // activity, there is nothing left to do on site.
    checkInOpen: !cancelled && !mine?.checkOutAt && t >= checkIn.opensAt.getTime() && t < checkIn.closesAt.getTime(),
    checkOutOpen: !cancelled && !mine?.checkOutAt && within(now, volunteerCheckOutWindow(rules)),
    signupText,
    full: activity.capacity !== null && activity.confirmedCount >= activity.capacity,
    attendanceText: mine?.checkOutAt ? '已签退' : mine?.checkInAt ? '已签到' : null,
    canChange: phase === 'upcoming',
  };
}

/** "已报名 12 / 20 人，候补 3 人" — or without a limit, "已报名 12 人". */
export function volunteerCapacityText(activity: Pick<VolunteerActivityView, 'capacity' | 'confirmedCount' | 'waitlistCount'>): string {
  const base = activity.capacity === null ? `已报名 ${activity.confirmedCount} 人（不限人数）` : `已报名 ${activity.confirmedCount} / ${activity.capacity} 人`;
  return activity.waitlistCount > 0 ? `${base}，候补 ${activity.waitlistCount} 人` : base;
}
