import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ResidencyReviewItem, ResidencySummary } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { ResidencyApplicationDto } from './dto/residency-application.dto';
import { ResidencyListQueryDto } from './dto/residency-list-query.dto';
import { ResidencyReviewDto } from './dto/residency-review.dto';
import { ResidenciesService } from './residencies.service';
import { residencyFromParam } from './residency-location';

@ApiTags('residencies')
@ApiBearerAuth()
@Controller()
export class ResidenciesController {
  constructor(private readonly residencies: ResidenciesService) {}

  @Post('me/residencies')
  @Permission('residency.apply')
  @ApiCreatedResponse({ description: '提交房屋认证申请，等待居委会审核' })
  apply(@CurrentUser() user: AuthUser, @Body() body: ResidencyApplicationDto): Promise<ResidencySummary> {
    return this.residencies.apply(user.id, body);
  }

  @Get('communities/:communityId/residencies')
  @Permission('residency.review', communityFromParam())
  @ApiOkResponse({ description: '本社区的房屋认证申请（默认待审核）' })
  list(
    @Param('communityId', ParseIntPipe) communityId: number,
    @Query() query: ResidencyListQueryDto,
  ): Promise<ResidencyReviewItem[]> {
    return this.residencies.listForCommunity(communityId, query.status ?? 'pending');
  }

  @Post('residencies/:id/review')
  @HttpCode(200)
  @Permission('residency.review', residencyFromParam())
  @ApiOkResponse({ description: '审核房屋认证申请' })
  review(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ResidencyReviewDto,
  ): Promise<ResidencySummary> {
    return this.residencies.review(id, user.id, body.approve, body.note);
  }
}
