import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliberationPage, DeliberationSupportView, DeliberationTopicView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { TopicInputDto, TopicListQueryDto, TopicReviewDto } from './dto/topic.dto';
import { TopicsService } from './topics.service';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

@ApiTags('deliberations')
@ApiBearerAuth()
@Controller()
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Post('communities/:communityId/topics')
  @Permission('deliberation.participate', communityFromParam())
  @RateLimit('discussion')
  propose(@CurrentUser() user: AuthUser, @Param('communityId', ParseIntPipe) communityId: number, @Body() body: TopicInputDto): Promise<DeliberationTopicView> {
    return this.topics.propose(user, communityId, body);
  }

  @Get('communities/:communityId/topics')
  @Permission('deliberation.read', communityFromParam())
  list(
    @CurrentUser() user: AuthUser | null,
    @Param('communityId', ParseIntPipe) communityId: number,
    @Query() query: TopicListQueryDto,
  ): Promise<DeliberationPage<DeliberationTopicView>> {
    return this.topics.list(user, communityId, query);
  }

  @Get('topics/:id')
  @Permission('deliberation.read')
  get(@CurrentUser() user: AuthUser | null, @Param('id', ParseIntPipe) id: number): Promise<DeliberationTopicView> {
    return this.topics.get(user, id);
  }

  @Post('topics/:id/support')
  @HttpCode(200)
  @Permission('deliberation.participate')
  support(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DeliberationSupportView> {
    return this.topics.support(user, id, true);
  }

  @Delete('topics/:id/support')
  @Permission('deliberation.participate')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DeliberationSupportView> {
    return this.topics.support(user, id, false);
  }

  @Post('topics/:id/review')
  @HttpCode(200)
  @Permission('deliberation.review')
  review(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: TopicReviewDto): Promise<DeliberationTopicView> {
    return this.topics.review(user, id, body);
  }
}
