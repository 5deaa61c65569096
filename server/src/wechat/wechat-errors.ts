import type { WechatSubscriptionErrorCode } from '@linli/shared';
import { ApiException } from '../common/api-exception';

const fail = (status: number, code: WechatSubscriptionErrorCode | 'not_found', message: string) => new ApiException(status, code as never, message);

/** Refusals of the subscription endpoint, with the message a resident reads. */
export const WechatErrors = {
  unavailable: () => fail(409, 'subscribe_unavailable', '暂未开通微信消息提醒，投票结果可在消息通知中查看'),
  pollNotFound: () => fail(404, 'not_found', '投票不存在'),
  pollClosed: () => fail(409, 'poll_closed', '投票已结束，结果已在公告栏和消息通知中公布'),
};
