import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { VolunteerServiceHistoryView, VolunteerServiceRecordView } from '@linli/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { Community } from '../grids/community.entity';
import { VolunteerServiceRecordQueryDto, VolunteerServiceRecordReviewDto } from './dto/service-record.dto';
import { ensurePdfFont, startDownload, XLSX_MIME } from './export-response';
import { ServiceRecordExportHeading } from './exports/service-record-columns';
import { writeServiceRecordsPdf } from './exports/service-records-pdf';
import { writeServiceRecordsXlsx } from './exports/service-records-xlsx';
import { ServiceRecordScope, VolunteerServiceRecordsService } from './service-records.service';
import { serviceRecordFromParam, VolunteerAccess } from './volunteer-access';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';

type ExportFormat = 'pdf' | 'xlsx';

/** Service records: certification, a person's history, and the PDF / Excel exports. */
@ApiTags('volunteers')
@ApiBearerAuth()
@Controller()
export class ServiceRecordsController {
  constructor(
    private readonly records: VolunteerServiceRecordsService,
    private readonly profiles: VolunteerProfilesService,
    private readonly access: VolunteerAccess,
    private readonly clock: VolunteerClock,
    private readonly dataSource: DataSource,
  ) {}

  @Post('volunteers/service-records/:id/review')
  @HttpCode(200)
  @Permission('volunteer.participate', serviceRecordFromParam())
  @ApiOkResponse({ description: '认定或不予认定服务记录（撤销认定会扣回积分）' })
  async review(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: VolunteerServiceRecordReviewDto): Promise<VolunteerServiceRecordView> {
    await this.access.organisedServiceRecord(user, id);
    return this.records.review(id, user.id, body);
  }

  @Get('volunteers/me/service-records')
  @Permission('volunteer.participate')
  @ApiOkResponse({ description: '我的服务记录及按月、年、类别的合计' })
  history(@CurrentUser() user: AuthUser, @Query() query: VolunteerServiceRecordQueryDto): Promise<VolunteerServiceHistoryView> {
    return this.records.history(user.id, query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined);
  }

  @Get('volunteers/me/service-records/export.pdf')
  @Permission('volunteer.participate')
  @ApiProduces('application/pdf')
  myPdf(@CurrentUser() user: AuthUser, @Query() query: VolunteerServiceRecordQueryDto, @Res() res: FastifyReply): Promise<void> {
    return this.exportMine(user, query, 'pdf', res);
  }

  @Get('volunteers/me/service-records/export.xlsx')
  @Permission('volunteer.participate')
  @ApiProduces(XLSX_MIME)
  myXlsx(@CurrentUser() user: AuthUser, @Query() query: VolunteerServiceRecordQueryDto, @Res() res: FastifyReply): Promise<void> {
    return this.exportMine(user, query, 'xlsx', res);
  }

  @Get('communities/:communityId/volunteer-service-records/export.pdf')
  @Permission('volunteer.community.read', communityFromParam())
  @ApiProduces('application/pdf')
  communityPdf(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: VolunteerServiceRecordQueryDto, @Res() res: FastifyReply): Promise<void> {
    return this.exportCommunity(communityId, query, 'pdf', res);
  }

  @Get('communities/:communityId/volunteer-service-records/export.xlsx')
  @Permission('volunteer.community.read', communityFromParam())
  @ApiProduces(XLSX_MIME)
  communityXlsx(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: VolunteerServiceRecordQueryDto, @Res() res: FastifyReply): Promise<void> {
    return this.exportCommunity(communityId, query, 'xlsx', res);
  }

  private async exportMine(user: AuthUser, query: VolunteerServiceRecordQueryDto, format: ExportFormat, res: FastifyReply): Promise<void> {
    // A personal certificate lists what was certified; pending and rejected records are not proof of service.
    const scope: ServiceRecordScope = { userId: user.id, statuses: ['certified'], ...this.period(query) };
    const identity = (await this.profiles.identities([user.id])).get(user.id);
    const totals = await this.records.totals(scope);
    const heading: ServiceRecordExportHeading = {
      title: '志愿服务记录证明',
      lines: [
        `姓名：${identity?.name ?? ''}`,
        `身份证号：${identity?.idNumberMasked || '未填写'}`,
        `工作单位：${identity?.organizationName ?? '未填写'}`,
      ],
      totals,
      perPerson: false,
      generatedAt: this.clock.now(),
    };
    await this.send(format, `志愿服务记录-${identity?.name ?? user.id}`, heading, scope, res);
  }

  private async exportCommunity(communityId: number, query: VolunteerServiceRecordQueryDto, format: ExportFormat, res: FastifyReply): Promise<void> {
    const community = await this.dataSource.getRepository(Community).findOneByOrFail({ id: communityId });
    const scope: ServiceRecordScope = { communityId, ...this.period(query) };
    const heading: ServiceRecordExportHeading = {
      title: `${community.name}志愿服务记录`,
      lines: [`社区：${community.name}`],
      totals: await this.records.totals(scope),
      perPerson: true,
      generatedAt: this.clock.now(),
    };
    await this.send(format, `${community.name}-志愿服务记录`, heading, scope, res);
  }

  private async send(format: ExportFormat, baseName: string, heading: ServiceRecordExportHeading, scope: ServiceRecordScope, res: FastifyReply): Promise<void> {
    const rows = this.records.exportRows(scope);
    if (format === 'pdf') {
      ensurePdfFont();
      await writeServiceRecordsPdf(heading, rows, startDownload(res, 'application/pdf', `${baseName}.pdf`));
    } else {
      await writeServiceRecordsXlsx(heading, rows, startDownload(res, XLSX_MIME, `${baseName}.xlsx`));
    }
  }

  private period(query: VolunteerServiceRecordQueryDto): Pick<ServiceRecordScope, 'from' | 'to'> {
    return { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  }
}
