import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  VolunteerActivityView,
  VolunteerAttendanceView,
  VolunteerCancellationView,
  VolunteerQrView,
  VolunteerSignupView,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { ApiException } from '../common/api-exception';
import { VolunteerActivitiesService } from './activities.service';
import { VolunteerAttendanceService } from './attendance.service';
import {
  VolunteerAttendanceCorrectionDto,
  VolunteerAttendanceDto,
  VolunteerAttendanceRecordDto,
  VolunteerCapacityDto,
  VolunteerQrQueryDto,
} from './dto/attendance.dto';
import { VolunteerActivityCancelDto, VolunteerActivityDto, VolunteerActivityEditDto } from './dto/volunteer-activity.dto';
import { VolunteerActivityChangesService } from './activity-changes.service';
import { VolunteerServiceRecordsService } from './service-records.service';
import { VolunteerSignupsService } from './signups.service';
import { activityFromParam, attendanceFromParam, VolunteerAccess } from './volunteer-access';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

/** Activities, sign-ups and on-site attendance. */
@ApiTags('volunteers')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(
    private readonly activities: VolunteerActivitiesService,
    private readonly changes: VolunteerActivityChangesService,
    private readonly signups: VolunteerSignupsService,
    private readonly attendance: VolunteerAttendanceService,
    private readonly records: VolunteerServiceRecordsService,
    private readonly access: VolunteerAccess,
  ) {}

  @Post('communities/:communityId/volunteer-activities')
  @Permission('volunteer.participate', communityFromParam())
  @ApiOkResponse({ description: '发布志愿活动（居委会、党支部或已报到的党组织）' })
  publish(@CurrentUser() user: AuthUser, @Param('communityId', ParseIntPipe) communityId: number, @Body() body: VolunteerActivityDto): Promise<VolunteerActivityView> {
    return this.activities.publish(user, communityId, body);
  }

  @Get('communities/:communityId/volunteer-activities')
  @Permission('volunteer.participate', communityFromParam())
  list(@CurrentUser() user: AuthUser, @Param('communityId', ParseIntPipe) communityId: number): Promise<VolunteerActivityView[]> {
    return this.activities.list(communityId, user.id);
  }

  @Get('volunteers/activities/:id')
  @Permission('volunteer.participate', activityFromParam())
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<VolunteerActivityView> {
    return this.activities.view(id, user.id);
  }

  @Patch('volunteers/activities/:id')
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '组织方在活动开始前修改活动信息（招募人数另有接口）' })
  async edit(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerActivityEditDto): Promise<VolunteerActivityView> {
    await this.access.organisedActivity(user, id);
    await this.changes.edit(id, user.id, body);
    return this.activities.view(id, user.id);
  }

  @Post('volunteers/activities/:id/cancel')
  @HttpCode(200)
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '组织方在活动开始前取消活动（须填写原因，报名者可见）' })
  async cancelActivity(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerActivityCancelDto): Promise<VolunteerActivityView> {
    await this.access.organisedActivity(user, id);
    await this.changes.cancel(id, user.id, body.reason);
    return this.activities.view(id, user.id);
  }

  @Post('volunteers/activities/:id/signups')
  @Permission('volunteer.participate', activityFromParam())
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试同一次报名时携带相同的值' })
  @ApiOkResponse({ description: '报名：有名额即报名成功，满员进入候补' })
  async signUp(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<VolunteerSignupView> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new ApiException(400, 'bad_request', 'Idempotency-Key 格式不正确');
    const { signup, replayed } = await this.signups.signUp(id, user.id, key ?? null);
    res.status(replayed ? 200 : 201);
    return signup;
  }

  @Delete('volunteers/activities/:id/signups/me')
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '取消报名；候补者依次递补' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<VolunteerCancellationView> {
    return this.signups.cancel(id, user.id);
  }

  @Put('volunteers/activities/:id/capacity')
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '修改招募人数；增加名额时候补者依次递补' })
  async changeCapacity(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerCapacityDto): Promise<VolunteerActivityView> {
    await this.access.organisedActivity(user, id);
    await this.signups.changeCapacity(id, body.capacity ?? null);
    return this.activities.view(id, user.id);
  }

  @Get('volunteers/activities/:id/signups')
  @Permission('volunteer.participate', activityFromParam())
  async listSignups(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<VolunteerSignupView[]> {
    await this.access.organisedActivity(user, id);
    return this.signups.list(id);
  }

  @Get('volunteers/activities/:id/qr')
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '组织方现场展示的动态签到码（定时刷新）' })
  async qr(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Query() query: VolunteerQrQueryDto): Promise<VolunteerQrView> {
    const activity = await this.access.organisedActivity(user, id);
    return this.attendance.qrCode(activity, query.purpose);
  }

  @Post('volunteers/activities/:id/attendance/check-in')
  @HttpCode(200)
  @Permission('volunteer.participate', activityFromParam())
  checkIn(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerAttendanceDto): Promise<VolunteerAttendanceView> {
    return this.attendance.checkIn(id, user.id, body);
  }

  @Post('volunteers/activities/:id/attendance/check-out')
  @HttpCode(200)
  @Permission('volunteer.participate', activityFromParam())
  checkOut(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerAttendanceDto): Promise<VolunteerAttendanceView> {
    return this.attendance.checkOut(id, user.id, body);
  }

  @Get('volunteers/activities/:id/attendances')
  @Permission('volunteer.participate', activityFromParam())
  async listAttendances(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<VolunteerAttendanceView[]> {
    await this.access.organisedActivity(user, id);
    return this.attendance.list(id);
  }

  @Post('volunteers/activities/:id/attendances')
  @HttpCode(200)
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '组织方为无法扫码的志愿者补录签到签退（须填写原因，留痕）' })
  async recordAttendance(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerAttendanceRecordDto): Promise<VolunteerAttendanceView> {
    await this.access.organisedActivity(user, id);
    return this.attendance.recordFor(id, user.id, body);
  }

  @Post('volunteers/attendances/:id/correction')
  @HttpCode(200)
  @Permission('volunteer.participate', attendanceFromParam())
  @ApiOkResponse({ description: '组织方修改签到签退时间（须填写原因，留痕）' })
  async correct(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerAttendanceCorrectionDto): Promise<VolunteerAttendanceView> {
    await this.access.organisedAttendance(user, id);
    return this.attendance.correct(id, user.id, body);
  }

  @Post('volunteers/activities/:id/service-records/certify')
  @HttpCode(200)
  @Permission('volunteer.participate', activityFromParam())
  @ApiOkResponse({ description: '组织方一键认定本活动全部待认定服务记录' })
  async certifyAll(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<{ certified: number }> {
    await this.access.organisedActivity(user, id);
    return this.records.certifyActivity(id, user.id);
  }
}
