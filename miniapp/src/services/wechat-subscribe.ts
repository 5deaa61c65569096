import { pollResultSubject, type WechatSubscriptionInput, type WechatTemplateKey, type WechatTemplatesResponse } from '@linli/shared';
import type { KeyValueStorage } from './session';

/**
 * WeChat subscription messages (订阅消息) on the mini-program side: after voting, a resident may ask to have the
 * vote's result sent to WeChat. WeChat itself shows the consent sheet (`wx.requestSubscribeMessage`, which only
 * opens from a tap); an accepted one is told to the server, which sends the message when the vote closes.
 * H5 has no WeChat: nothing is offered there, the 消息通知 list carries the result. No Taro in this file, so
 * it runs under test; the poll page hands in the Taro calls.
 */

export interface SubscribeOfferInput {
  /** process.env.TARO_ENV */
  platform: string | undefined;
  /** The template id from the server; null when the server sends no such message. */
  templateId: string | null;
  signedIn: boolean;
  /** Offered for this poll already (accepted, declined or dismissed). */
  alreadyAsked: boolean;
}

/** Whether to offer the vote-result message: in the WeChat mini-program, configured, signed in, once a poll. */
export function shouldOfferSubscription(input: SubscribeOfferInput): boolean {
  return input.platform === 'weapp' && !!input.templateId && input.signedIn && !input.alreadyAsked;
}

/** What the consent sheet returned, by template id: 'accept', 'reject', 'ban', 'filter'. */
export type SubscribeSheetResult = Record<string, unknown>;

export interface WechatSubscribeApi {
  templates(): Promise<WechatTemplatesResponse>;
  subscribe(input: WechatSubscriptionInput): Promise<unknown>;
}

export interface WechatSubscribeDeps {
  platform: string | undefined;
  storage: KeyValueStorage;
  api: WechatSubscribeApi;
  /** Taro.requestSubscribeMessage({ tmplIds }) */
  requestSubscribeMessage(tmplIds: string[]): Promise<SubscribeSheetResult>;
}

export type SubscribeOutcome = 'accepted' | 'declined' | 'failed';

const ASKED_KEY = 'linli.wechatSubscribe.asked';
const PENDING_KEY = 'linli.wechatSubscribe.pending';
/** Polls remembered as asked; the oldest are forgotten first (their votes are long closed). */
const ASKED_MAX = 200;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function pendingList(value: unknown): WechatSubscriptionInput[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is WechatSubscriptionInput => !!item && typeof item.templateKey === 'string' && typeof item.subject === 'string');
}

/** A failure the server will answer the same way next time (validation, gone, closed, not offered). */
function isFinalRefusal(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 401 && status !== 429;
}

/**
 * Offers the vote-result message once per poll and records accepted consents on the server. A consent the
 * server could not be told (offline) is kept on the device and sent again by flushPending(); the server
 * counts it once however often it arrives.
 */
export class WechatSubscribeOffers {
  private templates: Promise<WechatTemplatesResponse | null> | null = null;

  constructor(private readonly deps: WechatSubscribeDeps) {}

  /** The template id to ask consent for, fetched once; null on H5, where there is no WeChat, and when not offered. */
  async templateId(key: WechatTemplateKey): Promise<string | null> {
    if (this.deps.platform !== 'weapp') return null;
    if (!this.templates) {
      this.templates = this.deps.api.templates().catch(() => {
        this.templates = null; // try again on the next page
        return null;
      });
    }
    return (await this.templates)?.[key] ?? null;
  }

  hasAsked(pollId: number): boolean {
    return stringList(this.deps.storage.get(ASKED_KEY)).includes(pollResultSubject(pollId));
  }

  shouldOffer(pollId: number, templateId: string | null, signedIn: boolean): boolean {
    return shouldOfferSubscription({ platform: this.deps.platform, templateId, signedIn, alreadyAsked: this.hasAsked(pollId) });
  }

  /** The resident closed the offer without answering: not offered again for this poll. */
  dismiss(pollId: number): void {
    this.markAsked(pollResultSubject(pollId));
  }

  /**
   * Opens WeChat's consent sheet for the poll's result and, if accepted, tells the server. Call it straight from
   * the tap handler: WeChat opens the sheet only for a tap, so nothing may be awaited before it.
   */
  async ask(pollId: number, templateId: string): Promise<SubscribeOutcome> {
    const sheet = this.deps.requestSubscribeMessage([templateId]);
    const input: WechatSubscriptionInput = { templateKey: 'poll_result', subject: pollResultSubject(pollId) };
    this.markAsked(input.subject);
    let answer: SubscribeSheetResult;
    try {
      answer = await sheet;
    } catch {
      return 'failed';
    }
    if (answer[templateId] !== 'accept') return 'declined';
    try {
      await this.deps.api.subscribe(input);
    } catch (error) {
      if (!isFinalRefusal(error)) this.keepPending(input);
      return isFinalRefusal(error) ? 'failed' : 'accepted';
    }
    return 'accepted';
  }

  /** Sends the consents the server has not heard of yet; keeps those that still cannot reach it. */
  async flushPending(): Promise<void> {
    const pending = pendingList(this.deps.storage.get(PENDING_KEY));
    if (pending.length === 0) return;
    const left: WechatSubscriptionInput[] = [];
    for (const input of pending) {
      try {
        await this.deps.api.subscribe(input);
      } catch (error) {
        if (!isFinalRefusal(error)) left.push(input);
      }
    }
    if (left.length) this.deps.storage.set(PENDING_KEY, left);
    else this.deps.storage.remove(PENDING_KEY);
  }

  private markAsked(subject: string): void {
    const asked = stringList(this.deps.storage.get(ASKED_KEY)).filter((s) => s !== subject);
    this.deps.storage.set(ASKED_KEY, [...asked, subject].slice(-ASKED_MAX));
  }

  private keepPending(input: WechatSubscriptionInput): void {
    const pending = pendingList(this.deps.storage.get(PENDING_KEY)).filter((p) => p.subject !== input.subject || p.templateKey !== input.templateKey);
    this.deps.storage.set(PENDING_KEY, [...pending, input]);
  }
}
