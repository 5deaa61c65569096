import { CaseFigures } from '@linli/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { CaseFiguresQueryDto } from './case-figures-query.dto';
import { CaseFiguresService } from './case-figures.service';

/**
 * Figures for the committee and the district. Registered before CasesController, so `/cases/figures` is
 * matched here and never taken for a case id. The guard checks the role; the service checks the community.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/figures')
export class CaseFiguresController {
  constructor(private readonly figures: CaseFiguresService) {}

  @Get()
  @Permission('case.figures')
  @ApiOkResponse({ description: '随手拍统计：按网格、社区或部门的办件量、当日办结率、自动转办率、受理与办结用时中位数、满意率、超期数' })
  get(@CurrentUser() user: AuthUser, @Query() query: CaseFiguresQueryDto): Promise<CaseFigures> {
    return this.figures.figures(user.grants, query);
  }
}
