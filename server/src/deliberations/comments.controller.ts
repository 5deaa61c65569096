import { Body, Controller, Delete, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliberationCommentView, DeliberationSupportView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { CommentsService } from './comments.service';
import { ReasonDto } from './dto/deliberation.dto';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

@ApiTags('deliberations')
@ApiBearerAuth()
@Controller('comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post(':id/support')
  @HttpCode(200)
  @Permission('deliberation.participate')
  support(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DeliberationSupportView> {
    return this.comments.support(user, id, true);
  }

  @Delete(':id/support')
  @Permission('deliberation.participate')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DeliberationSupportView> {
    return this.comments.support(user, id, false);
  }

  @Post(':id/report')
  @HttpCode(204)
  @Permission('deliberation.participate')
  @RateLimit('discussion')
  report(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ReasonDto): Promise<void> {
    return this.comments.report(user, id, body.reason);
  }

  @Post(':id/hide')
  @HttpCode(200)
  @Permission('deliberation.manage')
  hide(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: ReasonDto): Promise<DeliberationCommentView> {
    return this.comments.hide(user, id, body.reason);
  }
}
