import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@linli/shared';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Always 200 so probes can read which component is down; `status` says whether all is well. */
  @Get()
  @Public()
  @ApiOkResponse({ description: '数据库与 Redis 的状态' })
  check(): Promise<HealthResponse> {
    return this.health.check();
  }
}
