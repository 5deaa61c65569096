import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliberationCommentView, DeliberationMinutesView, DeliberationPage, DeliberationView } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { CommentsService } from './comments.service';
import { DeliberationsService } from './deliberations.service';
import { CommentInputDto, CommentListQueryDto, DeliberationOpenDto, MinutesInputDto } from './dto/deliberation.dto';
import { PageQueryDto } from './dto/topic.dto';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

@ApiTags('deliberations')
@ApiBearerAuth()
@Controller()
export class DeliberationsController {
  constructor(
    private readonly deliberations: DeliberationsService,
    private readonly comments: CommentsService,
  ) {}

  @Post('topics/:id/deliberations')
  @Permission('deliberation.manage')
  open(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) topicId: number, @Body() body: DeliberationOpenDto): Promise<DeliberationView> {
    return this.deliberations.open(user, topicId, body);
  }

  @Get('communities/:communityId/deliberations')
  @Permission('deliberation.read', communityFromParam())
  list(
    @CurrentUser() user: AuthUser | null,
    @Param('communityId', ParseIntPipe) communityId: number,
    @Query() query: PageQueryDto,
  ): Promise<DeliberationPage<DeliberationView>> {
    return this.deliberations.list(user, communityId, query);
  }

  @Get('deliberations/:id')
  @Permission('deliberation.read')
  get(@CurrentUser() user: AuthUser | null, @Param('id', ParseIntPipe) id: number): Promise<DeliberationView> {
    return this.deliberations.get(user, id);
  }

  @Post('deliberations/:id/minutes')
  @Permission('deliberation.manage')
  addMinutes(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: MinutesInputDto): Promise<DeliberationMinutesView> {
    return this.deliberations.addMinutes(user, id, body);
  }

  @Get('deliberations/:id/comments')
  @Permission('deliberation.read')
  listComments(
    @CurrentUser() user: AuthUser | null,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: CommentListQueryDto,
  ): Promise<DeliberationPage<DeliberationCommentView>> {
    return this.comments.list(user, id, query);
  }

  /** 201 with the comment; 200 with the same comment when the Idempotency-Key was seen before. */
  @Post('deliberations/:id/comments')
  @Permission('deliberation.participate')
  @RateLimit('discussion')
  async comment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CommentInputDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<DeliberationCommentView> {
    const outcome = await this.comments.add(user, id, body, idempotencyKey);
    res.status(outcome.replayed ? 200 : 201);
    return outcome.comment;
  }
}
