import { IDEMPOTENCY_HEADER } from './idempotency';
/**
 * API contract of party member check-in (党员报到) and volunteer service (志愿服务): what the mini-program
 * sends and receives. Times are ISO-8601 strings; hours are tenths, computed from minutes on the server.
 * Statuses and codes come from the volunteer and points rules (`VolunteerSignupStatus`, …), never spelled
 * out again here.
 */
import type { PointsRuleCode } from '../points/points-rules';
import type { VolunteerCheckMethod, VolunteerOrganizerKind } from '../volunteers/activity';
import type { VolunteerServiceRecordStatus } from '../volunteers/service-record-status';
import type { VolunteerSignupStatus } from '../volunteers/signup';

/** Review state of a party member's or a party organisation's check-in to a community. */
export type VolunteerCheckInReviewStatus = 'pending' | 'confirmed' | 'rejected';

export const VOLUNTEER_CHECK_IN_REVIEW_LABELS: Record<VolunteerCheckInReviewStatus, string> = {
  pending: '待确认',
  confirmed: '已报到',
  rejected: '未通过',
};

/** PUT /api/volunteers/me/profile — what a service certificate prints about the person. */
export interface VolunteerProfileInput {
  realName: string;
  /** Resident ID number; stored as given, only ever shown masked. */
  idNumber?: string | null;
  /** Work unit or party organisation printed on the certificate. */
  organizationName?: string | null;
}

export interface VolunteerProfileView {
  realName: string;
  idNumberMasked: string;
  organizationName: string | null;
}

/** POST /api/volunteers/party-check-ins — a party member reports to the community where they live. */
export interface PartyMemberCheckInInput {
  communityId: number;
  /** The party organisation the member belongs to (在职党组织), as they write it. */
  partyOrganizationName: string;
  /** When that organisation has itself checked in to the community. */
  partyOrganizationId?: number | null;
}

export interface PartyMemberCheckInView {
  id: number;
  userId: number;
  memberName: string;
  communityId: number;
  communityName: string;
  partyOrganizationName: string;
  partyOrganizationId: number | null;
  status: VolunteerCheckInReviewStatus;
  reviewNote: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** POST …/party-check-ins/:id/review and …/party-organizations/:id/review. */
export interface VolunteerCheckInReviewInput {
  approve: boolean;
  note?: string | null;
}

/** POST /api/communities/:communityId/party-organizations — an in-service party organisation checks in. */
export interface PartyOrganizationInput {
  name: string;
  contactName: string;
  contactPhone: string;
  /** 资源清单: what the organisation can offer (venue, legal advice, volunteers on weekends, …). */
  resources: string[];
  /** 需求清单: the community needs it can help meet, or needs of its own. */
  needs: string[];
}

export interface PartyOrganizationView {
  id: number;
  communityId: number;
  name: string;
  contactName: string;
  contactPhoneMasked: string;
  resources: string[];
  needs: string[];
  status: VolunteerCheckInReviewStatus;
  /** Confirmed party members who named this organisation when checking in. */
  memberCount: number;
  createdAt: string;
}

export interface VolunteerPositionInput {
  lng: number;
  lat: number;
  accuracyMeters?: number;
}

/** POST /api/communities/:communityId/volunteer-activities. */
export interface VolunteerActivityInput {
  title: string;
  themeCode: string;
  description?: string | null;
  requirements?: string | null;
  startsAt: string;
  endsAt: string;
  placeName: string;
  place?: VolunteerPositionInput | null;
  radiusMeters?: number | null;
  /** null or absent = no limit. */
  capacity?: number | null;
  checkMethods?: VolunteerCheckMethod[];
  requireLocation?: boolean;
  requireConfirmedSignup?: boolean;
  /** When a committee or branch publishes for a checked-in party organisation. */
  partyOrganizationId?: number | null;
}

export interface VolunteerActivityView {
  id: number;
  communityId: number;
  title: string;
  themeCode: string;
  themeLabel: string;
  description: string | null;
  requirements: string | null;
  organizerKind: VolunteerOrganizerKind;
  organizerName: string;
  startsAt: string;
  endsAt: string;
  placeName: string;
  place: { lng: number; lat: number } | null;
  radiusMeters: number | null;
  capacity: number | null;
  checkMethods: VolunteerCheckMethod[];
  requireLocation: boolean;
  requireConfirmedSignup: boolean;
  confirmedCount: number;
  waitlistCount: number;
  /** The caller's own sign-up, if any. */
  mySignup: VolunteerSignupView | null;
  /** The caller's own check-in/out at this activity, if any (so the page shows 已签到 / 已签退 after a reload). */
  myAttendance: VolunteerAttendanceView | null;
  /** Set when the organiser called the activity off; sign-up and check-in are then closed. */
  cancelledAt: string | null;
  cancelReason: string | null;
}

/**
 * PATCH /api/volunteers/activities/:id — the organiser corrects an activity before it starts. Absent fields
 * stay as they are; capacity has its own endpoint (it moves the waiting list).
 */
export type VolunteerActivityEditInput = Partial<
  Pick<VolunteerActivityInput, 'title' | 'themeCode' | 'description' | 'requirements' | 'startsAt' | 'endsAt' | 'placeName' | 'place' | 'radiusMeters'>
>;

/** POST /api/volunteers/activities/:id/cancel — calls the activity off before it starts. */
export interface VolunteerActivityCancelInput {
  reason: string;
}

/** Header that makes a retried sign-up return the first answer instead of "already signed up". */
export const VOLUNTEER_IDEMPOTENCY_HEADER = IDEMPOTENCY_HEADER;

export interface VolunteerSignupView {
  id: number;
  activityId: number;
  userId: number;
  name: string;
  status: VolunteerSignupStatus;
  /** 1-based, only while waitlisted. */
  waitlistPosition: number | null;
  queuedAt: string;
}

export interface VolunteerCancellationView {
  signup: VolunteerSignupView;
  /** How many people moved up from the waiting list. */
  promotedCount: number;
}

export type VolunteerQrPurpose = 'check_in' | 'check_out';

/** GET /api/volunteers/activities/:id/qr?purpose=check_in — the organiser's rotating code. */
export interface VolunteerQrView {
  token: string;
  purpose: VolunteerQrPurpose;
  /** Fetch the next token at this time. */
  expiresAt: string;
}

/** POST …/attendance/check-in and …/attendance/check-out. Give the scanned token, the position, or both. */
export interface VolunteerAttendanceInput {
  token?: string;
  position?: VolunteerPositionInput;
}

export interface VolunteerAttendanceView {
  id: number;
  activityId: number;
  userId: number;
  name: string;
  checkInAt: string | null;
  checkInMethod: VolunteerCheckMethod | null;
  checkOutAt: string | null;
  checkOutMethod: VolunteerCheckMethod | null;
  minutes: number;
  hours: number;
  corrections: VolunteerAttendanceCorrectionView[];
  serviceRecord: { id: number; status: VolunteerServiceRecordStatus } | null;
}

/** POST /api/volunteers/attendances/:id/correction — the organiser fixes someone's times. */
export interface VolunteerAttendanceCorrectionInput {
  checkInAt: string;
  checkOutAt?: string | null;
  reason: string;
}

export interface VolunteerAttendanceCorrectionView {
  correctedById: number;
  correctedByName: string;
  reason: string;
  previousCheckInAt: string | null;
  previousCheckOutAt: string | null;
  checkInAt: string;
  checkOutAt: string | null;
  createdAt: string;
}

/** POST /api/volunteers/activities/:id/attendances — the organiser records someone who could not scan at all. */
export interface VolunteerAttendanceRecordInput extends VolunteerAttendanceCorrectionInput {
  userId: number;
}

/** PUT /api/volunteers/activities/:id/capacity — raising it moves the waiting list up; null = no limit. */
export interface VolunteerCapacityInput {
  capacity: number | null;
}

/** POST /api/volunteers/service-records/:id/review — certify, or reject (also after certifying). */
export interface VolunteerServiceRecordReviewInput {
  decision: 'certify' | 'reject';
  reason?: string | null;
}

/** One line of a person's service history, with all a certificate prints. */
export interface VolunteerServiceRecordView {
  id: number;
  activityId: number;
  activityTitle: string;
  themeCode: string;
  themeLabel: string;
  volunteerName: string;
  idNumberMasked: string;
  organizationName: string | null;
  servedAt: string;
  minutes: number;
  hours: number;
  status: VolunteerServiceRecordStatus;
  certifyingOrganization: string;
  certifiedAt: string | null;
}

export interface VolunteerTotalsView {
  minutes: number;
  hours: number;
  records: number;
  people: number;
  activities: number;
}

/** GET /api/volunteers/me/service-records — records plus certified totals by month, year and theme. */
export interface VolunteerServiceHistoryView {
  records: VolunteerServiceRecordView[];
  totals: VolunteerTotalsView;
  byMonth: Array<VolunteerTotalsView & { period: string }>;
  byYear: Array<VolunteerTotalsView & { period: string }>;
  byTheme: Array<VolunteerTotalsView & { themeCode: string; label: string }>;
}

/** GET /api/communities/:communityId/volunteer-figures?year=2026 — the committee's monthly figures. */
export interface VolunteerCommunityFiguresView {
  communityId: number;
  year: string;
  months: Array<{
    month: string;
    partyMembersCheckedIn: number;
    organizationsCheckedIn: number;
    activitiesHeld: number;
    participants: number;
    hours: number;
  }>;
  /** Check-ins: all confirmed by the end of the year; the rest: the year's sum (participants counted once). */
  totals: { partyMembersCheckedIn: number; organizationsCheckedIn: number; activitiesHeld: number; participants: number; hours: number };
}

export interface PointsLedgerLineView {
  id: number;
  ruleCode: PointsRuleCode;
  ruleLabel: string;
  points: number;
  day: string;
  occurredAt: string;
  sourceType: string;
  sourceId: string;
  reversalOf: number | null;
}

/** GET /api/points/me. */
export interface PointsAccountView {
  balance: number;
  lines: PointsLedgerLineView[];
}

/** GET /api/communities/:communityId/points/leaderboard — names masked, as on a public honour roll. */
export interface PointsLeaderboardEntryView {
  rank: number;
  userId: number;
  nameMasked: string;
  points: number;
}
