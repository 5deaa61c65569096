import { PointsAccount } from '../../points/points-account.entity';
import { PointsLedgerLine } from '../../points/points-ledger-line.entity';
import { PartyMemberCheckIn } from './party-member-check-in.entity';
import { PartyOrganization } from './party-organization.entity';
import { VolunteerActivity } from './volunteer-activity.entity';
import { VolunteerAttendanceCorrection } from './volunteer-attendance-correction.entity';
import { VolunteerAttendance } from './volunteer-attendance.entity';
import { VolunteerProfile } from './volunteer-profile.entity';
import { VolunteerServiceRecord } from './volunteer-service-record.entity';
import { VolunteerSignup } from './volunteer-signup.entity';

/** Every table the volunteers migration creates, points included (1732000004000-volunteers). */
export const VOLUNTEER_ENTITIES = [
  VolunteerProfile,
  PartyOrganization,
  PartyMemberCheckIn,
  VolunteerActivity,
  VolunteerSignup,
  VolunteerAttendance,
  VolunteerAttendanceCorrection,
  VolunteerServiceRecord,
  PointsAccount,
  PointsLedgerLine,
];
