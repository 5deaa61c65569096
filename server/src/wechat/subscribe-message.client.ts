import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AccessTokenUnavailable, WechatAccessTokens } from './wechat-access-tokens';
import { callWechat, errcodeOf, errmsgOf } from './wechat-http';

/** The body of `/cgi-bin/message/subscribe/send`, as WeChat names its fields. */
export interface SubscribeMessage {
  touser: string;
  template_id: string;
  /** The mini-program page the message opens, e.g. `pages/deliberations/poll/index?id=12`. */
  page: string;
  miniprogram_state: AppConfig['wechatMiniprogramState'];
  lang: 'zh_CN';
  data: Record<string, { value: string }>;
}

/** How one send went: WeChat's errcode (0 = sent), or null with the reason there was no answer. */
export interface SendAttempt {
  errcode: number | null;
  /** WeChat's errmsg, or why there was no answer (`timeout`, `token: …`). */
  detail?: string;
}

/** WeChat no longer accepts the token: expired (42001) or invalid (40001, 40014). */
const STALE_TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/**
 * Sends one subscription message. A token WeChat rejects as stale is replaced once and the send repeated
 * once; what happens next is the caller's to decide (see send-verdict.ts). Nothing here logs the token.
 */
@Injectable()
export class SubscribeMessageClient {
  private readonly logger = new Logger(SubscribeMessageClient.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: WechatAccessTokens,
  ) {}

  async send(message: SubscribeMessage): Promise<SendAttempt> {
    let attempt = await this.sendWithToken(message);
    if (attempt.errcode !== null && STALE_TOKEN_ERRORS.has(attempt.errcode) && attempt.token) {
      this.tokens.invalidate(attempt.token);
      attempt = await this.sendWithToken(message);
    }
    return { errcode: attempt.errcode, ...(attempt.detail ? { detail: attempt.detail } : {}) };
  }

  private async sendWithToken(message: SubscribeMessage): Promise<SendAttempt & { token?: string }> {
    let token: string;
    try {
      token = await this.tokens.get();
    } catch (error) {
      if (!(error instanceof AccessTokenUnavailable)) throw error;
      return { errcode: null, detail: `token: ${error.errcode ?? error.reason}` };
    }
    const url = new URL(`${this.config.wechatApiBase}/cgi-bin/message/subscribe/send`);
    url.searchParams.set('access_token', token);
    const reply = await callWechat(url, this.config.wechatTimeoutMs, message);
    if (!reply.ok) {
      this.logger.warn({ msg: 'wechat subscribe send unanswered', reason: reply.reason, template: message.template_id });
      return { errcode: null, detail: reply.reason, token };
    }
    const errcode = errcodeOf(reply.body);
    if (errcode !== 0) this.logger.warn({ msg: 'wechat subscribe send refused', errcode, errmsg: errmsgOf(reply.body), template: message.template_id });
    return { errcode, detail: errmsgOf(reply.body), token };
  }
}
