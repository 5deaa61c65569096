import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * 200 so probes can read which component is down (`status` says whether all is well), except while the
   * process drains after SIGTERM: then 503, so a balancer stops sending it work.
   */
  @Get()
  @Public()
  @ApiOkResponse({ description: '数据库与 Redis 的状态' })
  @ApiServiceUnavailableResponse({ description: '进程正在停止，不再接收新请求' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const health = await this.health.check();
    if (health.status === 'draining') void reply.status(503);
    return health;
  }
}
