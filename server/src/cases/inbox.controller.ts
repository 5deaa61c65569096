import { CaseInboxItem, CasePage } from '@linli/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { CaseQueries } from './case-queries.service';
import { CaseInboxQueryDto } from './dto/case-queries.dto';

/** A handler's work list: assigned cases, the dispatch queue, the department's cases. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly queries: CaseQueries) {}

  @Get()
  @Permission('case.inbox')
  @ApiOkResponse({ description: '待我处理的反映' })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseInboxQueryDto): Promise<CasePage<CaseInboxItem>> {
    return this.queries.inbox(user, query.scope, query);
  }
}
