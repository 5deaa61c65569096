import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shanghaiDayStart, shanghaiLocalMonth, VolunteerCommunityFiguresView, volunteerHoursFromMinutes, volunteerServiceByPeriod } from '@linli/shared';
import { Between, DataSource, LessThan } from 'typeorm';
import { PartyMemberCheckIn } from './entities/party-member-check-in.entity';
import { PartyOrganization } from './entities/party-organization.entity';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerServiceRecord } from './entities/volunteer-service-record.entity';
import { VolunteerClock } from './volunteer-clock';

/**
 * The committee's monthly figures for a year: party members and organisations whose check-in was confirmed
 * that month, activities held (started, not in the future), distinct participants and certified hours.
 */
@Injectable()
export class VolunteerFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: VolunteerClock,
  ) {}

  async community(communityId: number, year: string): Promise<VolunteerCommunityFiguresView> {
    const from = shanghaiDayStart(`${year}-01-01`);
    const to = new Date(shanghaiDayStart(`${Number(year) + 1}-01-01`).getTime() - 1);
    const now = this.clock.now();
    const [members, orgs, activities, records] = await Promise.all([
      this.dataSource.getRepository(PartyMemberCheckIn).find({ where: { communityId, status: 'confirmed', reviewedAt: Between(from, to) }, select: { id: true, reviewedAt: true } }),
      this.dataSource.getRepository(PartyOrganization).find({ where: { communityId, status: 'confirmed', reviewedAt: Between(from, to) }, select: { id: true, reviewedAt: true } }),
      this.dataSource.getRepository(VolunteerActivity).find({ where: { communityId, startsAt: Between(from, to < now ? to : now) }, select: { id: true, startsAt: true } }),
      this.dataSource.getRepository(VolunteerServiceRecord).find({
        where: { communityId, status: 'certified', servedAt: Between(from, to) },
        select: { id: true, userId: true, activityId: true, themeCode: true, servedAt: true, minutes: true, status: true },
      }),
    ]);
    const [membersBefore, orgsBefore] = await Promise.all([
      this.dataSource.getRepository(PartyMemberCheckIn).count({ where: { communityId, status: 'confirmed', reviewedAt: LessThan(from) } }),
      this.dataSource.getRepository(PartyOrganization).count({ where: { communityId, status: 'confirmed', reviewedAt: LessThan(from) } }),
    ]);
    const byMonth = new Map(
      volunteerServiceByPeriod(
        records.map((r) => ({ personId: r.userId, activityId: r.activityId, themeCode: r.themeCode, servedAt: r.servedAt, minutes: r.minutes, status: r.status })),
        'month',
      ).map((t) => [t.period, t]),
    );
    const countIn = (dates: Array<Date | null>, month: string) => dates.filter((d) => d && shanghaiLocalMonth(d) === month).length;
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const service = byMonth.get(month);
      return {
        month,
        partyMembersCheckedIn: countIn(members.map((m) => m.reviewedAt), month),
        organizationsCheckedIn: countIn(orgs.map((o) => o.reviewedAt), month),
        activitiesHeld: countIn(activities.map((a) => a.startsAt), month),
        participants: service?.people ?? 0,
        hours: service?.hours ?? 0,
      };
    });
    const minutes = records.reduce((sum, r) => sum + r.minutes, 0);
    return {
      communityId,
      year,
      months,
      totals: {
        partyMembersCheckedIn: membersBefore + members.length,
        organizationsCheckedIn: orgsBefore + orgs.length,
        activitiesHeld: activities.length,
        participants: new Set(records.map((r) => r.userId)).size,
        hours: volunteerHoursFromMinutes(minutes),
      },
    };
  }
}
