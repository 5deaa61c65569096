import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiErrorCode,
  validateVolunteerAttendanceCorrection,
  validateVolunteerCheckIn,
  validateVolunteerCheckOut,
  VolunteerAttendanceCorrectionInput,
  VolunteerAttendanceInput,
  VolunteerAttendanceRecordInput,
  VolunteerAttendanceView,
  VolunteerCheckMethod,
  volunteerHoursFromMinutes,
  VolunteerQrPurpose,
  VolunteerQrView,
} from '@linli/shared';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { VolunteerActivity, volunteerActivityRules } from './entities/volunteer-activity.entity';
import { VolunteerAttendanceCorrection } from './entities/volunteer-attendance-correction.entity';
import { VolunteerAttendance } from './entities/volunteer-attendance.entity';
import { VolunteerServiceRecord } from './entities/volunteer-service-record.entity';
import { VolunteerSignup } from './entities/volunteer-signup.entity';
import { issueQrToken, qrTokenNextRotationAt, QrTokenErrorCode, verifyQrToken } from './qr-token';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';
import { orRefuse } from './volunteer-rule.exception';
import { TransactionRunner } from '../database/transaction-runner';

/** QR refusals as API errors: a forged or garbled code is a bad request, a stale or misused one unprocessable. */
const QR_ERRORS: Record<QrTokenErrorCode, { status: number; code: string }> = {
  malformed: { status: 400, code: 'qr_invalid' },
  bad_signature: { status: 400, code: 'qr_invalid' },
  expired: { status: 422, code: 'qr_expired' },
  not_yet_valid: { status: 422, code: 'qr_not_yet_valid' },
  wrong_activity: { status: 422, code: 'qr_wrong_activity' },
  wrong_purpose: { status: 422, code: 'qr_wrong_purpose' },
};

/**
 * On-site attendance: the organiser's rotating QR code, check-in and check-out by scan and/or location,
 * and organisers' corrections with their audit log. Checking out (or a correction that completes the times)
 * writes the pending service record the organiser then certifies.
 */
@Injectable()
export class VolunteerAttendanceService {
  private readonly logger = new Logger(VolunteerAttendanceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly clock: VolunteerClock,
    private readonly profiles: VolunteerProfilesService,
  ) {}

  qrCode(activity: VolunteerActivity, purpose: VolunteerQrPurpose): VolunteerQrView {
    const now = this.clock.now();
    return {
      token: issueQrToken(this.config.volunteerQrSecret, activity.id, purpose, now),
      purpose,
      expiresAt: qrTokenNextRotationAt(now).toISOString(),
    };
  }

  async checkIn(activityId: number, userId: number, input: VolunteerAttendanceInput): Promise<VolunteerAttendanceView> {
    const now = this.clock.now();
    const method = this.methodOf(activityId, 'check_in', input, now);
    const attendanceId = await this.tx.run(async (manager) => {
      const activity = await this.activity(manager, activityId);
      const repo = manager.getRepository(VolunteerAttendance);
      const attendance = await repo.findOneBy({ activityId, userId });
      const signup = await manager.getRepository(VolunteerSignup).findOneBy({ activityId, userId });
      const presence = orRefuse(
        validateVolunteerCheckIn({
          activity: volunteerActivityRules(activity),
          now,
          method,
          position: input.position ?? null,
          attendance,
          signupStatus: signup?.status ?? null,
        }),
      );
      const fields = {
        checkInAt: now,
        checkInMethod: method,
        checkInDistance: presence.distanceMeters === null ? null : Math.round(presence.distanceMeters),
      };
      const saved = attendance ? await repo.save(repo.merge(attendance, fields)) : await repo.save(repo.create({ activityId, userId, minutes: 0, ...fields }));
      return saved.id;
    });
    this.logger.log({ activityId, userId, method }, 'volunteer checked in');
    return (await this.views({ id: attendanceId }))[0];
  }

  async checkOut(activityId: number, userId: number, input: VolunteerAttendanceInput): Promise<VolunteerAttendanceView> {
    const now = this.clock.now();
    const method = this.methodOf(activityId, 'check_out', input, now);
    const attendanceId = await this.tx.run(async (manager) => {
      const activity = await this.activity(manager, activityId);
      const repo = manager.getRepository(VolunteerAttendance);
      const attendance = await repo.findOneBy({ activityId, userId });
      const result = orRefuse(
        validateVolunteerCheckOut({ activity: volunteerActivityRules(activity), now, method, position: input.position ?? null, attendance }),
      );
      const checkedIn = attendance!;
      checkedIn.checkOutAt = now;
      checkedIn.checkOutMethod = method;
      checkedIn.minutes = result.serviceMinutes;
      await repo.save(checkedIn);
      await this.writeServiceRecord(manager, activity, checkedIn);
      return checkedIn.id;
    });
    this.logger.log({ activityId, userId, method }, 'volunteer checked out');
    return (await this.views({ id: attendanceId }))[0];
  }

  /** The organiser's correction of someone's times, logged with who and why; refused once the record is certified. */
  async correct(attendanceId: number, organiserId: number, input: VolunteerAttendanceCorrectionInput): Promise<VolunteerAttendanceView> {
    await this.tx.run(async (manager) => {
      const attendance = await manager.getRepository(VolunteerAttendance).findOneBy({ id: attendanceId });
      if (!attendance) throw new ApiException(404, 'not_found', '签到记录不存在');
      await this.correctIn(manager, attendance, organiserId, input);
    });
    this.logger.log({ attendanceId, organiserId }, 'volunteer attendance corrected');
    return (await this.views({ id: attendanceId }))[0];
  }

  /**
   * The organiser records the times of someone who could not scan at all (no phone, phone died before
   * arriving): an attendance is made for them and the times go through the same checks and audit log.
   */
  async recordFor(activityId: number, organiserId: number, input: VolunteerAttendanceRecordInput): Promise<VolunteerAttendanceView> {
    const attendanceId = await this.tx.run(async (manager) => {
      await this.activity(manager, activityId);
      if (!(await manager.getRepository(User).exists({ where: { id: input.userId } }))) throw new ApiException(404, 'not_found', '志愿者不存在');
      const repo = manager.getRepository(VolunteerAttendance);
      const attendance =
        (await repo.findOneBy({ activityId, userId: input.userId })) ??
        (await repo.save(repo.create({ activityId, userId: input.userId, checkInAt: null, checkInMethod: null, checkInDistance: null, checkOutAt: null, checkOutMethod: null, minutes: 0 })));
      await this.correctIn(manager, attendance, organiserId, input);
      return attendance.id;
    });
    this.logger.log({ activityId, organiserId, userId: input.userId }, 'volunteer attendance recorded by organiser');
    return (await this.views({ id: attendanceId }))[0];
  }

  private async correctIn(manager: EntityManager, attendance: VolunteerAttendance, organiserId: number, input: VolunteerAttendanceCorrectionInput): Promise<void> {
    const activity = await this.activity(manager, attendance.activityId);
    const checkInAt = new Date(input.checkInAt);
    const checkOutAt = input.checkOutAt ? new Date(input.checkOutAt) : null;
    const correction = orRefuse(
      validateVolunteerAttendanceCorrection({ activity: volunteerActivityRules(activity), checkInAt, checkOutAt, reason: input.reason }),
    );
    const records = manager.getRepository(VolunteerServiceRecord);
    const record = await records.findOneBy({ attendanceId: attendance.id });
    if (record && record.status !== 'pending') {
      throw new ApiException(409, 'conflict', record.status === 'certified' ? '服务记录已认定，请先撤销认定再修改时间' : '服务记录已不予认定，不能修改');
    }
    await manager.getRepository(VolunteerAttendanceCorrection).insert({
      attendanceId: attendance.id,
      correctedById: organiserId,
      reason: correction.reason,
      previousCheckInAt: attendance.checkInAt,
      previousCheckOutAt: attendance.checkOutAt,
      checkInAt,
      checkOutAt,
    });
    attendance.checkInAt = checkInAt;
    attendance.checkOutAt = checkOutAt;
    attendance.minutes = correction.serviceMinutes;
    await manager.getRepository(VolunteerAttendance).save(attendance);
    if (checkOutAt) await this.writeServiceRecord(manager, activity, attendance);
    else if (record) await records.delete({ id: record.id });
  }

  list(activityId: number): Promise<VolunteerAttendanceView[]> {
    return this.views({ activityId });
  }

  /** Verifies the scanned token (when given) before any database work; no token means checking by location. */
  private methodOf(activityId: number, purpose: VolunteerQrPurpose, input: VolunteerAttendanceInput, now: Date): VolunteerCheckMethod {
    if (input.token === undefined) return 'location';
    const verified = verifyQrToken(this.config.volunteerQrSecret, input.token, now, { activityId, purpose });
    if (!verified.ok) {
      const { status, code } = QR_ERRORS[verified.error];
      throw new ApiException(status, code as unknown as ApiErrorCode, verified.message);
    }
    return 'qr';
  }

  private async activity(manager: EntityManager, id: number): Promise<VolunteerActivity> {
    const activity = await manager.getRepository(VolunteerActivity).findOneBy({ id });
    if (!activity) throw new ApiException(404, 'not_found', '活动不存在');
    return activity;
  }

  /** Creates or refreshes the pending service record of a completed attendance. */
  private async writeServiceRecord(manager: EntityManager, activity: VolunteerActivity, attendance: VolunteerAttendance): Promise<void> {
    const records = manager.getRepository(VolunteerServiceRecord);
    const existing = await records.findOneBy({ attendanceId: attendance.id });
    if (existing) {
      await records.update({ id: existing.id }, { minutes: attendance.minutes });
      return;
    }
    await records.insert({
      attendanceId: attendance.id,
      activityId: activity.id,
      userId: attendance.userId,
      communityId: activity.communityId,
      themeCode: activity.themeCode,
      servedAt: activity.startsAt,
      minutes: attendance.minutes,
      status: 'pending',
      certifyingOrganization: activity.organizerName,
    });
  }

  /** One person's attendance at each of the given activities, keyed by activity (for the activity view's myAttendance). */
  async mine(activityIds: number[], userId: number): Promise<Map<number, VolunteerAttendanceView>> {
    if (activityIds.length === 0) return new Map();
    const views = await this.views({ activityId: In(activityIds), userId });
    return new Map(views.map((v) => [v.activityId, v]));
  }

  private async views(where: FindOptionsWhere<VolunteerAttendance>): Promise<VolunteerAttendanceView[]> {
    const rows = await this.dataSource.getRepository(VolunteerAttendance).find({ where, order: { id: 'ASC' } });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [corrections, records] = await Promise.all([
      this.dataSource.getRepository(VolunteerAttendanceCorrection).find({ where: { attendanceId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(VolunteerServiceRecord).find({ where: { attendanceId: In(ids) }, select: { id: true, attendanceId: true, status: true } }),
    ]);
    const identities = await this.profiles.identities([...rows.map((r) => r.userId), ...corrections.map((c) => c.correctedById)]);
    const nameOf = (id: number) => identities.get(id)?.name ?? '';
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((r) => {
      const record = records.find((x) => x.attendanceId === r.id);
      return {
        id: r.id,
        activityId: r.activityId,
        userId: r.userId,
        name: nameOf(r.userId),
        checkInAt: iso(r.checkInAt),
        checkInMethod: r.checkInMethod,
        checkOutAt: iso(r.checkOutAt),
        checkOutMethod: r.checkOutMethod,
        minutes: r.minutes,
        hours: volunteerHoursFromMinutes(r.minutes),
        corrections: corrections
          .filter((c) => c.attendanceId === r.id)
          .map((c) => ({
            correctedById: c.correctedById,
            correctedByName: nameOf(c.correctedById),
            reason: c.reason,
            previousCheckInAt: iso(c.previousCheckInAt),
            previousCheckOutAt: iso(c.previousCheckOutAt),
            checkInAt: c.checkInAt.toISOString(),
            checkOutAt: iso(c.checkOutAt),
            createdAt: c.createdAt.toISOString(),
          })),
        serviceRecord: record ? { id: record.id, status: record.status } : null,
      };
    });
  }
}
