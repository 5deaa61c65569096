import type { CaseInboxPage } from '@linli/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { CaseLive } from './case-live';
import { CaseQueries } from './case-queries.service';
import { CaseInboxQueryDto } from './dto/case-queries.dto';

/** A handler's work list: assigned cases, the dispatch queue, the department's cases. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly live: CaseLive,
  ) {}

  @Get()
  @Permission('case.inbox')
  @ApiOkResponse({ description: '待我处理的反映' })
  async list(@CurrentUser() user: AuthUser, @Query() query: CaseInboxQueryDto): Promise<CaseInboxPage> {
    // Read first: a change between the two reads then shows in the list and comes again live, never neither.
    const liveSeq = await this.live.inboxSeq();
    return { ...(await this.queries.inbox(user, query.scope, query)), liveSeq };
  }
}
