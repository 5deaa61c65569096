import { Global, Module } from '@nestjs/common';
import { PollResultSubscriptions } from './poll-result-subscriptions';
import { SubscribeMessageClient } from './subscribe-message.client';
import { SubscriptionSender } from './subscription-sender.service';
import { SubscriptionSweep } from './subscription-sweep.service';
import { WechatAccessTokens } from './wechat-access-tokens';
import { WechatSubscriptionsController } from './wechat-subscriptions.controller';
import { WechatSubscriptionsService } from './wechat-subscriptions.service';
import { WechatTemplatesController } from './wechat-templates.controller';

/**
 * WeChat subscription messages (订阅消息): consent, the access token, sending and its retry sweep. Global so a
 * feature hands over its news after commit (PollResultSubscriptions) without importing this module.
 */
@Global()
@Module({
  controllers: [WechatSubscriptionsController, WechatTemplatesController],
  providers: [WechatAccessTokens, SubscribeMessageClient, SubscriptionSender, SubscriptionSweep, PollResultSubscriptions, WechatSubscriptionsService],
  exports: [PollResultSubscriptions],
})
export class WechatModule {}
