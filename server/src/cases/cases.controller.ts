import { CaseDetail, CaseEvent, CaseMineItem, CaseView, CaseHandlerCandidate, CasePage, CASE_UNSATISFIED_MAX_SCORE, NearbyCase } from '@linli/shared';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { InputErrors } from '../common/input-errors';
import { CaseLocationService } from '../dispatch/case-location.service';
import { CaseIntake } from './case-intake.service';
import { CaseQueries } from './case-queries.service';
import { CaseTransitionPayload, CaseTransitions } from './case-transitions.service';
import { HandlerCandidates } from './handler-candidates.service';
import {
  AcceptCaseDto,
  DispatchCaseDto,
  EscalateCaseDto,
  RateCaseDto,
  ReassignCaseDto,
  RejectCaseDto,
  ResolveCaseDto,
  ReturnCaseDto,
  StartCaseDto,
} from './dto/case-actions.dto';
import { CasePageQueryDto, NearbyCasesQueryDto } from './dto/case-queries.dto';
import { SubmitReportDto } from './dto/submit-report.dto';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

/** Snap-and-report over HTTP: reports, case pages, joining, and the handlers' actions. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntake,
    private readonly queries: CaseQueries,
    private readonly transitions: CaseTransitions,
    private readonly candidates: HandlerCandidates,
    private readonly location: CaseLocationService,
  ) {}

  @Post()
  @Permission('case.report')
  @RateLimit('reports')
  @ApiOkResponse({ description: '提交随手拍；同一 clientKey 重复提交返回同一件（200），新建返回 201' })
  async submit(@CurrentUser() user: AuthUser, @Body() body: SubmitReportDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<CaseDetail> {
    const outcome = await this.intake.submit(user.id, body, req.id);
    res.status(outcome.created ? 201 : 200);
    return this.queries.detail(user, outcome.caseId);
  }

  @Get('nearby')
  @Permission('case.report')
  @ApiOkResponse({ description: '附近同类、正在办理的反映（我也遇到）' })
  async nearby(@CurrentUser() user: AuthUser, @Query() query: NearbyCasesQueryDto): Promise<NearbyCase[]> {
    // The same service area a report is held to: the report page asks this before sending, and says why at once.
    if (!(await this.location.inServiceArea(query.lng, query.lat))) throw InputErrors.outsideServiceArea();
    return this.intake.nearby(user, query);
  }

  @Get('mine')
  @Permission('case.read')
  @ApiOkResponse({ description: '我反映的和我跟进的' })
  mine(@CurrentUser() user: AuthUser, @Query() query: CasePageQueryDto): Promise<CasePage<CaseMineItem>> {
    return this.queries.mine(user, query);
  }

  @Get(':id')
  @Permission('case.read')
  @ApiOkResponse({ description: '反映详情：反映人、承办人和主管看完整内容（view=full），跟进者只看公开内容（view=public）' })
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<CaseView> {
    return this.queries.view(user, id);
  }

  @Get(':id/handler-candidates')
  @Permission('case.act')
  @ApiOkResponse({ description: '转派：可接手该反映的网格员和派单员（在岗优先，其次在办件少者）' })
  handlerCandidates(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<CaseHandlerCandidate[]> {
    return this.candidates.forCase(user, id);
  }

  @Post(':id/follow')
  @HttpCode(200)
  @Permission('case.report')
  @ApiOkResponse({ description: '我也遇到：跟进这件反映（限该社区已认证的居民）' })
  async follow(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<CaseView> {
    await this.intake.follow(user, id);
    return this.queries.view(user, id);
  }

  @Post(':id/actions/accept')
  @HttpCode(200)
  @Permission('case.act')
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: AcceptCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'accept', body, req);
  }

  @Post(':id/actions/reject')
  @HttpCode(200)
  @Permission('case.act')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: RejectCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'reject', { reason: body.reason, rejectKind: body.kind, duplicateOfCaseId: body.duplicateOfCaseId, expectedVersion: body.expectedVersion }, req);
  }

  @Post(':id/actions/dispatch')
  @HttpCode(200)
  @Permission('case.act')
  dispatch(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: DispatchCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'dispatch', body, req);
  }

  @Post(':id/actions/reassign')
  @HttpCode(200)
  @Permission('case.act')
  reassign(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ReassignCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'reassign', body, req);
  }

  @Post(':id/actions/return')
  @HttpCode(200)
  @Permission('case.act')
  giveBack(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ReturnCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'return', body, req);
  }

  @Post(':id/actions/start')
  @HttpCode(200)
  @Permission('case.act')
  start(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: StartCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'start', body, req);
  }

  @Post(':id/actions/resolve')
  @HttpCode(200)
  @Permission('case.act')
  resolve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ResolveCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'resolve', body, req);
  }

  @Post(':id/actions/rate')
  @HttpCode(200)
  @Permission('case.act')
  rate(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: RateCaseDto, @Req() req: FastifyRequest) {
    const event: CaseEvent = body.score <= CASE_UNSATISFIED_MAX_SCORE ? 'rate_unsatisfied' : 'rate_satisfied';
    return this.fire(user, id, event, body, req);
  }

  @Post(':id/actions/escalate')
  @HttpCode(200)
  @Permission('case.act')
  escalate(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: EscalateCaseDto, @Req() req: FastifyRequest) {
    return this.fire(user, id, 'escalate', body, req);
  }

  private async fire(user: AuthUser, id: number, event: CaseEvent, payload: CaseTransitionPayload, req: FastifyRequest): Promise<CaseDetail> {
    await this.transitions.apply(id, event, { user, requestId: req.id }, payload);
    return this.queries.detail(user, id, true);
  }
}
