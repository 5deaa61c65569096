import { DataSource, EntityManager, In, Like } from 'typeorm';
import { shanghaiDayStart, shanghaiLocalDay, volunteerHoursFromMinutes } from '@linli/shared';
import { DEMO_ORG } from '../../database/seed/seed-demo-district';
import { Community } from '../../grids/community.entity';
import { Grid } from '../../grids/grid.entity';
import { PointsService } from '../../points/points.service';
import { RoleGrant } from '../../users/role-grant.entity';
import { User } from '../../users/user.entity';
import { PartyMemberCheckIn } from '../entities/party-member-check-in.entity';
import { PartyOrganization } from '../entities/party-organization.entity';
import { VolunteerActivity } from '../entities/volunteer-activity.entity';
import { VolunteerAttendance } from '../entities/volunteer-attendance.entity';
import { VolunteerProfile } from '../entities/volunteer-profile.entity';
import { VolunteerServiceRecord } from '../entities/volunteer-service-record.entity';
import { VolunteerSignup } from '../entities/volunteer-signup.entity';
import { SERVICE_RECORD_POINTS_SOURCE } from '../service-records.service';
import demoJson from './volunteer-demo.json';

/**
 * Volunteer demo data on top of the demo district: party organisations with their lists, every seeded party
 * member checked in (with a fictitious ID number for certificates), past activities with certified hours and
 * points, upcoming ones with sign-ups and a waiting list. Activity days are relative to `now`, so a demo always
 * has something coming up. Idempotent: organisations by (community, name), check-ins by (member, community),
 * activities by (community, title) — a second run adds nothing.
 */
interface DemoOrganization {
  communityKey: string;
  name: string;
  contactSeedKey: string;
  contactPhone: string;
  resources: string[];
  needs: string[];
}

interface DemoActivity {
  communityKey: string;
  /** `committee`, `branch`, or the name of a demo organisation. */
  organizer: string;
  title: string;
  themeCode: string;
  dayOffset: number;
  startHour: number;
  durationMinutes: number;
  placeName: string;
  capacity: number;
  /** Past activities: how many people attended and were certified. */
  attendees?: number;
  /** Upcoming activities: how many signed up (beyond capacity they wait). */
  signups?: number;
}

const DEMO = demoJson as { organizations: DemoOrganization[]; activities: DemoActivity[] };
const DAY_MS = 24 * 60 * 60 * 1000;

export interface VolunteerSeedReport {
  partyOrganizations: number;
  partyMemberCheckIns: number;
  activities: number;
  serviceRecords: number;
}

/** The GB 11643 check character of an ID number's first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(first17).reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

/** A fictitious but well-formed 18-digit ID number for a seeded person (certificates print it masked). */
export function demoIdNumber(serial: number): string {
  const birth = new Date(Date.UTC(1960 + (serial % 40), serial % 12, 1 + (serial % 28)));
  const body = `440104${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(100 + (serial % 900)).padStart(3, '0')}`;
  return body + idNumberCheckCharacter(body);
}

export async function seedVolunteerDemo(dataSource: DataSource, now = new Date()): Promise<VolunteerSeedReport> {
  const points = new PointsService(dataSource);
  await dataSource.transaction(async (m) => {
    const communityByKey = await communitiesByKey(m);
    const users = await m.getRepository(User).find({ where: { seedKey: Like('%-c%') }, select: { id: true, seedKey: true, name: true, realName: true } });
    const userBySeedKey = new Map(users.map((u) => [u.seedKey!, u]));
    const reviewedAt = new Date(shanghaiDayStart(shanghaiLocalDay(new Date(now.getTime() - 30 * DAY_MS))).getTime() + 10 * 3600_000);

    // Party organisations.
    const orgByName = new Map<string, PartyOrganization>();
    for (const o of DEMO.organizations) {
      const community = communityByKey.get(o.communityKey);
      const contact = userBySeedKey.get(o.contactSeedKey);
      if (!community || !contact) continue;
      const repo = m.getRepository(PartyOrganization);
      const org =
        (await repo.findOneBy({ communityId: community.id, name: o.name })) ??
        (await repo.save(
          repo.create({
            communityId: community.id,
            name: o.name,
            contactUserId: contact.id,
            contactName: contact.realName ?? contact.name,
            contactPhone: o.contactPhone,
            resources: o.resources,
            needs: o.needs,
            status: 'confirmed',
            reviewedAt,
          }),
        ));
      orgByName.set(o.name, org);
    }

    // Party members: profile, confirmed check-in, check-in points.
    const partyMembers = users.filter((u) => /^party-c\d+-\d+$/.test(u.seedKey!)).sort((a, b) => a.seedKey!.localeCompare(b.seedKey!));
    const grants = await m.getRepository(RoleGrant).find({ where: { userId: In(partyMembers.map((u) => u.id)), role: 'party_member' } });
    for (const [i, member] of partyMembers.entries()) {
      const communityId = grants.find((g) => g.userId === member.id)?.scopeId;
      if (!communityId) continue;
      if (!(await m.getRepository(VolunteerProfile).exists({ where: { userId: member.id } }))) {
        await m.getRepository(VolunteerProfile).insert({ userId: member.id, realName: member.realName ?? member.name, idNumber: demoIdNumber(i + 1), organizationName: null });
      }
      if (await m.getRepository(PartyMemberCheckIn).exists({ where: { userId: member.id, communityId } })) continue;
      const orgs = [...orgByName.values()].filter((o) => o.communityId === communityId);
      const org = orgs.length ? orgs[i % orgs.length] : null;
      const checkIn = await m.getRepository(PartyMemberCheckIn).save({
        userId: member.id,
        communityId,
        partyOrganizationName: org?.name ?? '越秀区直属机关党支部',
        partyOrganizationId: org?.id ?? null,
        status: 'confirmed',
        reviewedAt,
      });
      await points.award(m, { userId: member.id, communityId, ruleCode: 'party_check_in', quantity: 1, sourceType: 'party_member_check_in', sourceId: checkIn.id, now: reviewedAt });
    }

    // Activities.
    for (const a of DEMO.activities) {
      const community = communityByKey.get(a.communityKey);
      if (!community) continue;
      if (await m.getRepository(VolunteerActivity).exists({ where: { communityId: community.id, title: a.title } })) continue;
      const org = orgByName.get(a.organizer);
      const startsAt = new Date(shanghaiDayStart(shanghaiLocalDay(new Date(now.getTime() + a.dayOffset * DAY_MS))).getTime() + a.startHour * 3600_000);
      const endsAt = new Date(startsAt.getTime() + a.durationMinutes * 60_000);
      const place = await placeOf(m, community.id);
      const organizerUser = userBySeedKey.get(`${a.organizer === 'branch' ? 'branch' : 'committee'}-${a.communityKey}`);
      const activity = await m.getRepository(VolunteerActivity).save(
        m.getRepository(VolunteerActivity).create({
          communityId: community.id,
          organizerKind: org ? 'party_organization' : a.organizer === 'branch' ? 'party_branch' : 'community_committee',
          organizerName: org ? org.name : `${community.name}${a.organizer === 'branch' ? '党支部' : '居民委员会'}`,
          partyOrganizationId: org?.id ?? null,
          title: a.title,
          themeCode: a.themeCode,
          description: null,
          requirements: null,
          startsAt,
          endsAt,
          placeName: a.placeName,
          lng: place?.lng ?? null,
          lat: place?.lat ?? null,
          radiusMeters: 300,
          capacity: a.capacity,
          checkMethods: ['qr', 'location'],
          requireLocation: false,
          requireConfirmedSignup: false,
          signupVersion: 0,
          createdById: org?.contactUserId ?? organizerUser?.id ?? partyMembers[0].id,
        }),
      );
      const people = users
        .filter((u) => u.seedKey!.startsWith(`party-${a.communityKey}-`) || u.seedKey!.startsWith(`resident-${a.communityKey}-`))
        .sort((x, y) => x.seedKey!.localeCompare(y.seedKey!));
      for (const [i, person] of people.slice(0, a.signups ?? a.attendees ?? 0).entries()) {
        await m.getRepository(VolunteerSignup).insert({
          activityId: activity.id,
          userId: person.id,
          status: i < a.capacity ? 'confirmed' : 'waitlisted',
          queuedAt: new Date(startsAt.getTime() - (3 * DAY_MS - i * 60_000)),
          idempotencyKey: null,
        });
      }
      for (const [i, person] of people.slice(0, a.attendees ?? 0).entries()) {
        const minutes = a.durationMinutes - (i % 3) * 15;
        const attendance = await m.getRepository(VolunteerAttendance).save({
          activityId: activity.id,
          userId: person.id,
          checkInAt: startsAt,
          checkInMethod: 'qr',
          checkInDistance: null,
          checkOutAt: new Date(startsAt.getTime() + minutes * 60_000),
          checkOutMethod: 'qr',
          minutes,
        });
        const record = await m.getRepository(VolunteerServiceRecord).save({
          attendanceId: attendance.id,
          activityId: activity.id,
          userId: person.id,
          communityId: community.id,
          themeCode: a.themeCode,
          servedAt: startsAt,
          minutes,
          status: 'certified',
          certifyingOrganization: activity.organizerName,
          reviewedById: activity.createdById,
          certifiedAt: endsAt,
          rejectReason: null,
        });
        await points.award(m, {
          userId: person.id,
          communityId: community.id,
          ruleCode: 'volunteer_hour',
          quantity: volunteerHoursFromMinutes(minutes),
          sourceType: SERVICE_RECORD_POINTS_SOURCE,
          sourceId: record.id,
          now: endsAt,
        });
      }
    }
  });

  const [partyOrganizations, partyMemberCheckIns, activities, serviceRecords] = await Promise.all([
    dataSource.getRepository(PartyOrganization).count(),
    dataSource.getRepository(PartyMemberCheckIn).count(),
    dataSource.getRepository(VolunteerActivity).count(),
    dataSource.getRepository(VolunteerServiceRecord).count(),
  ]);
  return { partyOrganizations, partyMemberCheckIns, activities, serviceRecords };
}

/** Demo community keys (c01, c02, …) as the demo district's data names them. */
async function communitiesByKey(m: EntityManager): Promise<Map<string, Community>> {
  const codeOf = new Map(DEMO_ORG.communities.map((c) => [c.code, c.key]));
  const communities = await m.getRepository(Community).findBy({ code: In([...codeOf.keys()]) });
  return new Map(communities.map((c) => [codeOf.get(c.code)!, c]));
}

/** The middle of the community's first grid, as the activity's check-in point. */
async function placeOf(m: EntityManager, communityId: number): Promise<{ lng: number; lat: number } | null> {
  const grid = await m.getRepository(Grid).findOne({ where: { communityId }, order: { code: 'ASC' }, select: { id: true, minLng: true, minLat: true, maxLng: true, maxLat: true } });
  return grid ? { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 } : null;
}
