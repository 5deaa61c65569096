import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PointsAccountView, PointsLeaderboardEntryView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { communityFromParam, Permission } from '../auth/permission.decorator';
import { PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller()
export class PointsController {
  constructor(private readonly points: PointsService) {}

  @Get('points/me')
  @Permission('points.read')
  @ApiOkResponse({ description: '我的积分余额与明细' })
  mine(@CurrentUser() user: AuthUser): Promise<PointsAccountView> {
    return this.points.account(user.id);
  }

  @Get('communities/:communityId/points/leaderboard')
  @Permission('points.read', communityFromParam())
  @ApiOkResponse({ description: '社区积分排行榜（姓名脱敏）' })
  leaderboard(@Param('communityId', ParseIntPipe) communityId: number): Promise<PointsLeaderboardEntryView[]> {
    return this.points.leaderboard(communityId);
  }
}
