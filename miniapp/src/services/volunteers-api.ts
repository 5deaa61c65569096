import type {
  PartyMemberCheckInInput,
  PartyMemberCheckInView,
  PartyOrganizationInput,
  PartyOrganizationView,
  PointsAccountView,
  PointsLeaderboardEntryView,
  VolunteerActivityCancelInput,
  VolunteerActivityEditInput,
  VolunteerActivityInput,
  VolunteerActivityView,
  VolunteerAttendanceCorrectionInput,
  VolunteerAttendanceInput,
  VolunteerAttendanceRecordInput,
  VolunteerAttendanceView,
  VolunteerCancellationView,
  VolunteerCapacityInput,
  VolunteerCheckInReviewInput,
  VolunteerCheckInReviewStatus,
  VolunteerCommunityFiguresView,
  VolunteerProfileInput,
  VolunteerProfileView,
  VolunteerQrPurpose,
  VolunteerQrView,
  VolunteerServiceHistoryView,
  VolunteerServiceRecordReviewInput,
  VolunteerServiceRecordView,
  VolunteerSignupView,
} from '@linli/shared';
import type { ApiClient } from './api-client';
import { api } from './index';

export type VolunteerExportFormat = 'pdf' | 'xlsx';

/**
 * Every volunteer and points endpoint the pages call, in one table, so a route the server names differently
 * is a one-line change here rather than a hunt through the pages.
 */
export const VOLUNTEER_PATHS = {
  activities: (communityId: number) => `/api/communities/${communityId}/volunteer-activities`,
  activity: (id: number) => `/api/volunteers/activities/${id}`,
  cancelActivity: (id: number) => `/api/volunteers/activities/${id}/cancel`,
  signup: (activityId: number) => `/api/volunteers/activities/${activityId}/signups`,
  mySignup: (activityId: number) => `/api/volunteers/activities/${activityId}/signups/me`,
  signups: (activityId: number) => `/api/volunteers/activities/${activityId}/signups`,
  capacity: (activityId: number) => `/api/volunteers/activities/${activityId}/capacity`,
  qr: (activityId: number, purpose: VolunteerQrPurpose) => `/api/volunteers/activities/${activityId}/qr?purpose=${purpose}`,
  checkIn: (activityId: number) => `/api/volunteers/activities/${activityId}/attendance/check-in`,
  checkOut: (activityId: number) => `/api/volunteers/activities/${activityId}/attendance/check-out`,
  attendances: (activityId: number) => `/api/volunteers/activities/${activityId}/attendances`,
  certifyActivity: (activityId: number) => `/api/volunteers/activities/${activityId}/service-records/certify`,
  correction: (attendanceId: number) => `/api/volunteers/attendances/${attendanceId}/correction`,
  reviewRecord: (recordId: number) => `/api/volunteers/service-records/${recordId}/review`,
  myRecords: '/api/volunteers/me/service-records',
  myRecordsExport: (format: VolunteerExportFormat) => `/api/volunteers/me/service-records/export.${format}`,
  communityRecordsExport: (communityId: number, format: VolunteerExportFormat) =>
    `/api/communities/${communityId}/volunteer-service-records/export.${format}`,
  profile: '/api/volunteers/me/profile',
  partyCheckIns: '/api/volunteers/party-check-ins',
  myPartyCheckIns: '/api/volunteers/me/party-check-ins',
  communityPartyCheckIns: (communityId: number, status?: VolunteerCheckInReviewStatus) =>
    `/api/communities/${communityId}/party-check-ins${status ? `?status=${status}` : ''}`,
  reviewPartyCheckIn: (id: number) => `/api/volunteers/party-check-ins/${id}/review`,
  partyOrganizations: (communityId: number, status?: VolunteerCheckInReviewStatus) =>
    `/api/communities/${communityId}/party-organizations${status ? `?status=${status}` : ''}`,
  reviewPartyOrganization: (id: number) => `/api/volunteers/party-organizations/${id}/review`,
  figures: (communityId: number, year: string) => `/api/communities/${communityId}/volunteer-figures?year=${encodeURIComponent(year)}`,
  myPoints: '/api/points/me',
  leaderboard: (communityId: number) => `/api/communities/${communityId}/points/leaderboard`,
} as const;

/** The volunteer service calls, on the app's typed client (its session, errors and 401 handling). */
export class VolunteersApi {
  constructor(private readonly client: Pick<ApiClient, 'request'>) {}

  activities(communityId: number): Promise<VolunteerActivityView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.activities(communityId));
  }

  activity(id: number): Promise<VolunteerActivityView> {
    return this.client.request('GET', VOLUNTEER_PATHS.activity(id));
  }

  publish(communityId: number, input: VolunteerActivityInput): Promise<VolunteerActivityView> {
    return this.client.request('POST', VOLUNTEER_PATHS.activities(communityId), input);
  }

  /** The organiser corrects an activity before it starts; capacity goes through setCapacity. */
  editActivity(id: number, input: VolunteerActivityEditInput): Promise<VolunteerActivityView> {
    return this.client.request('PATCH', VOLUNTEER_PATHS.activity(id), input);
  }

  /** Calls the activity off before it starts; everyone who signed up sees the reason on the activity page. */
  cancelActivity(id: number, input: VolunteerActivityCancelInput): Promise<VolunteerActivityView> {
    return this.client.request('POST', VOLUNTEER_PATHS.cancelActivity(id), input);
  }

  /** The same `idempotencyKey` on a retry returns the first answer instead of "already signed up". */
  signUp(activityId: number, idempotencyKey: string): Promise<VolunteerSignupView> {
    return this.client.request('POST', VOLUNTEER_PATHS.signup(activityId), undefined, { 'Idempotency-Key': idempotencyKey });
  }

  cancelSignup(activityId: number): Promise<VolunteerCancellationView> {
    return this.client.request('DELETE', VOLUNTEER_PATHS.mySignup(activityId));
  }

  signups(activityId: number): Promise<VolunteerSignupView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.signups(activityId));
  }

  qr(activityId: number, purpose: VolunteerQrPurpose): Promise<VolunteerQrView> {
    return this.client.request('GET', VOLUNTEER_PATHS.qr(activityId, purpose));
  }

  checkIn(activityId: number, input: VolunteerAttendanceInput): Promise<VolunteerAttendanceView> {
    return this.client.request('POST', VOLUNTEER_PATHS.checkIn(activityId), input);
  }

  checkOut(activityId: number, input: VolunteerAttendanceInput): Promise<VolunteerAttendanceView> {
    return this.client.request('POST', VOLUNTEER_PATHS.checkOut(activityId), input);
  }

  attendances(activityId: number): Promise<VolunteerAttendanceView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.attendances(activityId));
  }

  /** The organiser records someone who came but could not scan at all (times and a reason, audited). */
  recordAttendance(activityId: number, input: VolunteerAttendanceRecordInput): Promise<VolunteerAttendanceView> {
    return this.client.request('POST', VOLUNTEER_PATHS.attendances(activityId), input);
  }

  /** Raising the places moves the waiting list up; lowering never demotes anyone already confirmed. */
  setCapacity(activityId: number, input: VolunteerCapacityInput): Promise<VolunteerActivityView> {
    return this.client.request('PUT', VOLUNTEER_PATHS.capacity(activityId), input);
  }

  certifyActivity(activityId: number): Promise<{ certified: number }> {
    return this.client.request('POST', VOLUNTEER_PATHS.certifyActivity(activityId));
  }

  correct(attendanceId: number, input: VolunteerAttendanceCorrectionInput): Promise<VolunteerAttendanceView> {
    return this.client.request('POST', VOLUNTEER_PATHS.correction(attendanceId), input);
  }

  reviewRecord(recordId: number, input: VolunteerServiceRecordReviewInput): Promise<VolunteerServiceRecordView> {
    return this.client.request('POST', VOLUNTEER_PATHS.reviewRecord(recordId), input);
  }

  myRecords(): Promise<VolunteerServiceHistoryView> {
    return this.client.request('GET', VOLUNTEER_PATHS.myRecords);
  }

  saveProfile(input: VolunteerProfileInput): Promise<VolunteerProfileView> {
    return this.client.request('PUT', VOLUNTEER_PATHS.profile, input);
  }

  partyCheckIn(input: PartyMemberCheckInInput): Promise<PartyMemberCheckInView> {
    return this.client.request('POST', VOLUNTEER_PATHS.partyCheckIns, input);
  }

  myPartyCheckIns(): Promise<PartyMemberCheckInView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.myPartyCheckIns);
  }

  communityPartyCheckIns(communityId: number, status?: VolunteerCheckInReviewStatus): Promise<PartyMemberCheckInView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.communityPartyCheckIns(communityId, status));
  }

  reviewPartyCheckIn(id: number, review: VolunteerCheckInReviewInput): Promise<PartyMemberCheckInView> {
    return this.client.request('POST', VOLUNTEER_PATHS.reviewPartyCheckIn(id), review);
  }

  partyOrganizations(communityId: number, status?: VolunteerCheckInReviewStatus): Promise<PartyOrganizationView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.partyOrganizations(communityId, status));
  }

  registerPartyOrganization(communityId: number, input: PartyOrganizationInput): Promise<PartyOrganizationView> {
    return this.client.request('POST', VOLUNTEER_PATHS.partyOrganizations(communityId), input);
  }

  reviewPartyOrganization(id: number, review: VolunteerCheckInReviewInput): Promise<PartyOrganizationView> {
    return this.client.request('POST', VOLUNTEER_PATHS.reviewPartyOrganization(id), review);
  }

  figures(communityId: number, year: string): Promise<VolunteerCommunityFiguresView> {
    return this.client.request('GET', VOLUNTEER_PATHS.figures(communityId, year));
  }

  myPoints(): Promise<PointsAccountView> {
    return this.client.request('GET', VOLUNTEER_PATHS.myPoints);
  }

  leaderboard(communityId: number): Promise<PointsLeaderboardEntryView[]> {
    return this.client.request('GET', VOLUNTEER_PATHS.leaderboard(communityId));
  }
}

export const volunteersApi = new VolunteersApi(api);
