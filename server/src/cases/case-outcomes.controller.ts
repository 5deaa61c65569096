import { CaseOutcome, CasePage } from '@linli/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permission.decorator';
import { CaseOutcomesQueryDto } from './case-outcomes-query.dto';
import { CaseOutcomes } from './case-outcomes.service';

/**
 * Public results (办理结果公开). Registered before CasesController in the module, so `/cases/outcomes` is
 * matched here and never taken for a case id by `GET /cases/:id`.
 */
@ApiTags('cases')
@Controller('cases/outcomes')
export class CaseOutcomesController {
  constructor(private readonly outcomes: CaseOutcomes) {}

  @Get()
  @Permission('case.outcomes')
  @ApiOkResponse({ description: '社区办理结果公开：已办结的反映，办理前后照片，不含姓名' })
  list(@Query() query: CaseOutcomesQueryDto): Promise<CasePage<CaseOutcome>> {
    return this.outcomes.list(query.communityId, query);
  }
}
