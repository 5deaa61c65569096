import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { WechatSubscriptionInput, WechatSubscriptionView, WechatTemplatesResponse } from '@linli/shared';
import { api } from '../../../services';
import { taroStorage } from '../../../services/taro-adapters';
import { WechatSubscribeOffers, type SubscribeOutcome, type SubscribeSheetResult } from '../../../services/wechat-subscribe';

/** The app's one offer keeper, on Taro's storage and the app's API client (shared/src/api/wechat-subscriptions.ts). */
const offers = new WechatSubscribeOffers({
  platform: process.env.TARO_ENV,
  storage: taroStorage,
  api: {
    templates: () => api.request<WechatTemplatesResponse>('GET', '/api/wechat/templates'),
    subscribe: (input: WechatSubscriptionInput) => api.request<WechatSubscriptionView>('POST', '/api/me/wechat-subscriptions', input),
  },
  requestSubscribeMessage: (tmplIds) => Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option) as Promise<SubscribeSheetResult>,
});

const OUTCOME_TOASTS: Record<SubscribeOutcome, string> = {
  accepted: '投票结束后会通过微信通知你结果',
  declined: '好的，结果也会出现在消息通知里',
  failed: '暂时无法开启微信提醒，结果会出现在消息通知里',
};

interface Props {
  pollId: number;
  /** A ballot was just accepted on this page and the vote is still open. */
  voted: boolean;
  signedIn: boolean;
}

/**
 * After voting, in the WeChat mini-program only: offers to send the vote's result as a WeChat message. WeChat
 * opens its consent sheet only for a tap, so the offer is a card with its own button rather than a pop-up after
 * the ballot's request. Offered once a poll; nothing at all on H5.
 */
export function ResultSubscriptionOffer({ pollId, voted, signedIn }: Props) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    void offers.templateId('poll_result').then((id) => live && setTemplateId(id));
    // Consents accepted while offline reach the server now.
    void offers.flushPending();
    return () => {
      live = false;
    };
  }, [signedIn]);

  if (!voted || closed || !templateId || !offers.shouldOffer(pollId, templateId, signedIn)) return null;

  function subscribe() {
    // Straight from the tap: ask() opens WeChat's sheet before it awaits anything.
    void offers.ask(pollId, templateId!).then((outcome) => {
      setClosed(true);
      Taro.showToast({ title: OUTCOME_TOASTS[outcome], icon: 'none' });
    });
  }

  function dismiss() {
    offers.dismiss(pollId);
    setClosed(true);
  }

  return (
    <View id='poll-result-subscribe' className='card'>
      <Text className='card__title'>投票结束后提醒我</Text>
      <Text className='delib-meta'>结果出来时，通过微信服务通知告诉你（只发这一条）。</Text>
      <View id='poll-result-subscribe-accept' className='btn btn--small' onClick={subscribe}>
        微信提醒我
      </View>
      <View id='poll-result-subscribe-dismiss' className='btn btn--ghost btn--small' onClick={dismiss}>
        不用了
      </View>
    </View>
  );
}
