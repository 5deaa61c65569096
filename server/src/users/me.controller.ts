import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { MeService } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Permission('profile.read')
  @ApiOkResponse({ description: '当前用户的资料、角色与房屋认证' })
  describe(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.me.describe(user.id);
  }
}
