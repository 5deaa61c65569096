import type { WechatSubscriptionInput, WechatTemplatesResponse } from '@linli/shared';
import { ApiError, networkError } from './api-error';
import { memoryStorage } from './memory-storage';
import { shouldOfferSubscription, WechatSubscribeOffers, type SubscribeSheetResult } from './wechat-subscribe';

const TEMPLATE = 'tmpl-poll-result';

describe('shouldOfferSubscription', () => {
  const base = { platform: 'weapp', templateId: TEMPLATE, signedIn: true, alreadyAsked: false };

  it('offers the vote-result message in the WeChat mini-program, once the server has a template', () => {
    expect(shouldOfferSubscription(base)).toBe(true);
  });

  it.each([
    ['on H5, where there is no WeChat', { platform: 'h5' }],
    ['when the platform is unknown', { platform: undefined }],
    ['when the server sends no such message', { templateId: null }],
    ['when the template id is empty', { templateId: '' }],
    ['to a visitor', { signedIn: false }],
    ['a second time for the same poll', { alreadyAsked: true }],
  ])('offers nothing %s', (_label, change) => {
    expect(shouldOfferSubscription({ ...base, ...change })).toBe(false);
  });
});

function world(options: { platform?: string; sheet?: SubscribeSheetResult | Error; subscribe?: (input: WechatSubscriptionInput) => Promise<unknown> } = {}) {
  const storage = memoryStorage();
  const subscribed: WechatSubscriptionInput[] = [];
  const sheets: string[][] = [];
  let templateCalls = 0;
  const offers = new WechatSubscribeOffers({
    platform: options.platform ?? 'weapp',
    storage,
    api: {
      templates: async (): Promise<WechatTemplatesResponse> => {
        templateCalls++;
        return { poll_result: TEMPLATE };
      },
      subscribe: options.subscribe ?? (async (input) => subscribed.push(input)),
    },
    requestSubscribeMessage: (tmplIds) => {
      sheets.push(tmplIds);
      const sheet = options.sheet ?? { errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' };
      return sheet instanceof Error ? Promise.reject(sheet) : Promise.resolve(sheet);
    },
  });
  return { offers, storage, subscribed, sheets, templateCalls: () => templateCalls };
}

describe('WechatSubscribeOffers', () => {
  it('fetches the template id once, and never on H5', async () => {
    const weapp = world();
    expect(await weapp.offers.templateId('poll_result')).toBe(TEMPLATE);
    expect(await weapp.offers.templateId('poll_result')).toBe(TEMPLATE);
    expect(weapp.templateCalls()).toBe(1);

    const h5 = world({ platform: 'h5' });
    expect(await h5.offers.templateId('poll_result')).toBeNull();
    expect(h5.templateCalls()).toBe(0);
  });

  it('opens WeChat’s sheet for the template and tells the server of an accepted consent for that poll', async () => {
    const { offers, subscribed, sheets } = world();
    expect(offers.shouldOffer(12, TEMPLATE, true)).toBe(true);
    expect(await offers.ask(12, TEMPLATE)).toBe('accepted');
    expect(sheets).toEqual([[TEMPLATE]]);
    expect(subscribed).toEqual([{ templateKey: 'poll_result', subject: 'poll:12' }]);
    expect(offers.shouldOffer(12, TEMPLATE, true)).toBe(false);
    expect(offers.shouldOffer(13, TEMPLATE, true)).toBe(true);
  });

  it('opens the sheet before anything is awaited, as WeChat requires of a tap', () => {
    const { offers, sheets } = world();
    void offers.ask(12, TEMPLATE);
    expect(sheets).toHaveLength(1);
  });

  it.each([['reject'], ['ban'], ['filter']])('tells the server nothing when the answer is %s, and does not ask again', async (answer) => {
    const { offers, subscribed } = world({ sheet: { errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: answer } });
    expect(await offers.ask(12, TEMPLATE)).toBe('declined');
    expect(subscribed).toEqual([]);
    expect(offers.shouldOffer(12, TEMPLATE, true)).toBe(false);
  });

  it('does not offer again for a poll the resident dismissed the offer of', () => {
    const { offers } = world();
    offers.dismiss(12);
    expect(offers.hasAsked(12)).toBe(true);
  });

  it('reports a sheet that failed to open, without asking again for that poll', async () => {
    const { offers, subscribed } = world({ sheet: new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.') });
    expect(await offers.ask(12, TEMPLATE)).toBe('failed');
    expect(subscribed).toEqual([]);
    expect(offers.hasAsked(12)).toBe(true);
  });

  it('keeps a consent the server could not be told on the device and sends it later, once', async () => {
    let online = false;
    const sent: WechatSubscriptionInput[] = [];
    const { offers, storage } = world({
      subscribe: async (input) => {
        if (!online) throw networkError();
        sent.push(input);
      },
    });
    expect(await offers.ask(12, TEMPLATE)).toBe('accepted');
    await offers.flushPending();
    expect(sent).toEqual([]);
    online = true;
    await offers.flushPending();
    await offers.flushPending();
    expect(sent).toEqual([{ templateKey: 'poll_result', subject: 'poll:12' }]);
    expect(storage.dump()).not.toHaveProperty('linli.wechatSubscribe.pending');
  });

  it('drops a kept consent the server refuses for good (the vote closed meanwhile)', async () => {
    let answer: Error = networkError();
    const { offers, storage } = world({
      subscribe: async () => {
        throw answer;
      },
    });
    await offers.ask(12, TEMPLATE);
    answer = new ApiError({ statusCode: 409, error: 'poll_closed', message: '投票已结束' });
    await offers.flushPending();
    expect(storage.dump()).not.toHaveProperty('linli.wechatSubscribe.pending');
  });

  it('remembers only the most recent polls it asked about', () => {
    const { offers, storage } = world();
    for (let id = 1; id <= 205; id++) offers.dismiss(id);
    expect(offers.hasAsked(205)).toBe(true);
    expect(offers.hasAsked(1)).toBe(false);
    expect((storage.get('linli.wechatSubscribe.asked') as string[]).length).toBe(200);
  });
});
