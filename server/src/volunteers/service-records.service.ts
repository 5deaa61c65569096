import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canChangeVolunteerServiceRecord,
  summarizeVolunteerService,
  VolunteerServiceHistoryView,
  VolunteerServiceRecord as VolunteerServiceRecordFacts,
  VolunteerServiceRecordReviewInput,
  VolunteerServiceRecordStatus,
  VolunteerServiceRecordView,
  volunteerHoursFromMinutes,
  volunteerServiceByPeriod,
  volunteerServiceByTheme,
  volunteerError,
  volunteerThemeLabel,
} from '@linli/shared';
import { Between, DataSource, EntityManager, In, LessThan, MoreThan, MoreThanOrEqual } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { PointsService } from '../points/points.service';
import { VolunteerActivity } from './entities/volunteer-activity.entity';
import { VolunteerServiceRecord } from './entities/volunteer-service-record.entity';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';
import { VolunteerRuleException } from './volunteer-rule.exception';
import { TransactionRunner } from '../database/transaction-runner';

export const SERVICE_RECORD_POINTS_SOURCE = 'volunteer_service_record';

/** Which records an export or history covers. */
export interface ServiceRecordScope {
  userId?: number;
  communityId?: number;
  from?: Date;
  to?: Date;
  statuses?: VolunteerServiceRecordStatus[];
}

const EXPORT_BATCH = 500;

@Injectable()
export class VolunteerServiceRecordsService {
  private readonly logger = new Logger(VolunteerServiceRecordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: VolunteerClock,
    private readonly points: PointsService,
    private readonly profiles: VolunteerProfilesService,
  ) {}

  /**
   * Certify or reject a record. Certifying awards the hours' points (daily cap applies); rejecting a certified
   * record reverses them. Both in one transaction with the status change.
   */
  async review(recordId: number, reviewerId: number, input: VolunteerServiceRecordReviewInput): Promise<VolunteerServiceRecordView> {
    const now = this.clock.now();
    await this.tx.run((manager) => this.reviewIn(manager, recordId, reviewerId, input, now));
    return (await this.views({ id: recordId }))[0];
  }

  /** Certify every pending record of an activity that has service time; returns how many. */
  async certifyActivity(activityId: number, reviewerId: number): Promise<{ certified: number }> {
    const now = this.clock.now();
    const certified = await this.tx.run(async (manager) => {
      const pending = await manager.getRepository(VolunteerServiceRecord).find({ where: { activityId, status: 'pending', minutes: MoreThan(0) }, select: { id: true } });
      for (const { id } of pending) await this.reviewIn(manager, id, reviewerId, { decision: 'certify' }, now);
      return pending.length;
    });
    return { certified };
  }

  private async reviewIn(manager: EntityManager, recordId: number, reviewerId: number, input: VolunteerServiceRecordReviewInput, now: Date): Promise<void> {
    const repo = manager.getRepository(VolunteerServiceRecord);
    const record = await repo.findOneBy({ id: recordId });
    if (!record) throw new ApiException(404, 'not_found', '服务记录不存在');
    const target: VolunteerServiceRecordStatus = input.decision === 'certify' ? 'certified' : 'rejected';
    if (!canChangeVolunteerServiceRecord(record.status, target)) {
      throw new ApiException(409, 'conflict', `该服务记录当前为“${record.status === 'certified' ? '已认定' : '不予认定'}”，不能再${input.decision === 'certify' ? '认定' : '驳回'}`);
    }
    if (target === 'certified') {
      if (record.minutes <= 0) throw new ApiException(422, 'unprocessable', '服务时长为0，无法认定');
      await repo.update({ id: record.id }, { status: 'certified', certifiedAt: now, reviewedById: reviewerId, rejectReason: null });
      await this.points.award(manager, {
        userId: record.userId,
        communityId: record.communityId,
        ruleCode: 'volunteer_hour',
        quantity: volunteerHoursFromMinutes(record.minutes),
        sourceType: SERVICE_RECORD_POINTS_SOURCE,
        sourceId: record.id,
        now,
      });
    } else {
      const reason = input.reason?.trim();
      if (!reason || Array.from(reason).length < 2) throw new VolunteerRuleException(volunteerError('reason_required'));
      await repo.update({ id: record.id }, { status: 'rejected', reviewedById: reviewerId, rejectReason: reason.slice(0, 255) });
      await this.points.reverseSource(manager, SERVICE_RECORD_POINTS_SOURCE, record.id, now);
    }
    this.logger.log({ recordId, reviewerId, status: target }, 'volunteer service record reviewed');
  }

  /** A person's records with certified totals by month, year and theme. */
  async history(userId: number, from?: Date, to?: Date): Promise<VolunteerServiceHistoryView> {
    const records = await this.views(this.where({ userId, from, to }));
    const facts: VolunteerServiceRecordFacts[] = records.map((r) => ({
      personId: userId,
      activityId: r.activityId,
      themeCode: r.themeCode,
      servedAt: new Date(r.servedAt),
      minutes: r.minutes,
      status: r.status,
    }));
    return {
      records,
      totals: summarizeVolunteerService(facts),
      byMonth: volunteerServiceByPeriod(facts, 'month'),
      byYear: volunteerServiceByPeriod(facts, 'year'),
      byTheme: volunteerServiceByTheme(facts),
    };
  }

  /**
   * Records for an export, in batches by id, so a community's whole history streams to the file instead of
   * being held in memory at once.
   */
  async *exportRows(scope: ServiceRecordScope): AsyncGenerator<VolunteerServiceRecordView> {
    let afterId = 0;
    for (;;) {
      const batch = await this.views({ ...this.where(scope), id: MoreThan(afterId) }, EXPORT_BATCH);
      for (const row of batch) yield row;
      if (batch.length < EXPORT_BATCH) return;
      afterId = batch[batch.length - 1].id;
    }
  }

  /** Certified totals for an export's summary line. */
  async totals(scope: ServiceRecordScope): Promise<{ minutes: number; hours: number; records: number; people: number }> {
    const raw = await this.dataSource
      .getRepository(VolunteerServiceRecord)
      .createQueryBuilder('r')
      .select('COALESCE(SUM(r.minutes), 0)', 'minutes')
      .addSelect('COUNT(*)', 'records')
      .addSelect('COUNT(DISTINCT r.userId)', 'people')
      .where(this.where({ ...scope, statuses: ['certified'] }))
      .getRawOne<{ minutes: number | string; records: number | string; people: number | string }>();
    const minutes = Number(raw?.minutes ?? 0);
    return { minutes, hours: volunteerHoursFromMinutes(minutes), records: Number(raw?.records ?? 0), people: Number(raw?.people ?? 0) };
  }

  private where(scope: ServiceRecordScope): Record<string, unknown> {
    const where: Record<string, unknown> = {};
    if (scope.userId !== undefined) where.userId = scope.userId;
    if (scope.communityId !== undefined) where.communityId = scope.communityId;
    if (scope.statuses) where.status = In(scope.statuses);
    if (scope.from || scope.to) {
      where.servedAt =
        scope.from && scope.to ? Between(scope.from, new Date(scope.to.getTime() - 1)) : scope.from ? MoreThanOrEqual(scope.from) : LessThan(scope.to!);
    }
    return where;
  }

  private async views(where: Record<string, unknown>, take?: number): Promise<VolunteerServiceRecordView[]> {
    const rows = await this.dataSource.getRepository(VolunteerServiceRecord).find({ where, order: take ? { id: 'ASC' } : { servedAt: 'DESC', id: 'DESC' }, take });
    if (rows.length === 0) return [];
    const [activities, identities] = await Promise.all([
      this.dataSource.getRepository(VolunteerActivity).find({ where: { id: In([...new Set(rows.map((r) => r.activityId))]) }, select: { id: true, title: true } }),
      this.profiles.identities(rows.map((r) => r.userId)),
    ]);
    const titleOf = new Map(activities.map((a) => [a.id, a.title]));
    return rows.map((r) => {
      const identity = identities.get(r.userId);
      return {
        id: r.id,
        activityId: r.activityId,
        activityTitle: titleOf.get(r.activityId) ?? '',
        themeCode: r.themeCode,
        themeLabel: volunteerThemeLabel(r.themeCode),
        volunteerName: identity?.name ?? '',
        idNumberMasked: identity?.idNumberMasked ?? '',
        organizationName: identity?.organizationName ?? null,
        servedAt: r.servedAt.toISOString(),
        minutes: r.minutes,
        hours: volunteerHoursFromMinutes(r.minutes),
        status: r.status,
        certifyingOrganization: r.certifyingOrganization,
        certifiedAt: r.certifiedAt ? r.certifiedAt.toISOString() : null,
      };
    });
  }
}
