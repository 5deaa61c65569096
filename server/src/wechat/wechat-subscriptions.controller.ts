import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { WechatSubscriptionView } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { WechatSubscriptionDto } from './dto/wechat-subscription.dto';
import { WechatSubscriptionsService } from './wechat-subscriptions.service';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

/** The signed-in person's consents to WeChat subscription messages (订阅消息). */
@ApiTags('wechat')
@ApiBearerAuth()
@Controller('me/wechat-subscriptions')
export class WechatSubscriptionsController {
  constructor(private readonly subscriptions: WechatSubscriptionsService) {}

  // How one's own notifications reach one: the same reach as reading them, anyone signed in, for themselves.
  @Post()
  @Permission('notification.read')
  @RateLimit('wechat')
  @ApiCreatedResponse({ description: '已记录：结果出来时发一条微信订阅消息' })
  @ApiOkResponse({ description: '之前已记录过' })
  async subscribe(
    @CurrentUser() user: AuthUser,
    @Body() body: WechatSubscriptionDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<WechatSubscriptionView> {
    const { created, view } = await this.subscriptions.record(user.id, body);
    res.status(created ? 201 : 200);
    return view;
  }
}
