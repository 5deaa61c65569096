import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliberationPage, DeliberationReportedCommentView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { CommentReportsService } from './comment-reports.service';
import { CommentReportListQueryDto, ReportDismissDto } from './dto/comment-report.dto';

/** The committee's queue of reported comments (举报处理); hiding a comment stays POST /api/comments/:id/hide. */
@ApiTags('deliberations')
@ApiBearerAuth()
@Controller()
export class CommentReportsController {
  constructor(private readonly reports: CommentReportsService) {}

  @Get('communities/:communityId/comment-reports')
  @Permission('deliberation.manage', communityFromParam())
  queue(@Param('communityId', ParseIntPipe) communityId: number, @Query() query: CommentReportListQueryDto): Promise<DeliberationPage<DeliberationReportedCommentView>> {
    return this.reports.queue(communityId, query);
  }

  @Post('comments/:id/reports/dismiss')
  @HttpCode(200)
  @Permission('deliberation.manage')
  dismiss(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ReportDismissDto): Promise<DeliberationReportedCommentView> {
    return this.reports.dismiss(user, id, body.note);
  }
}
