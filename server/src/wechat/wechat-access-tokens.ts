import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { callWechat, errcodeOf, errmsgOf } from './wechat-http';

/** Getting an access token failed: WeChat's errcode when it answered, else why there was no answer. */
export class AccessTokenUnavailable extends Error {
  constructor(
    readonly errcode: number | null,
    readonly reason: string,
  ) {
    super(`access token unavailable: ${reason}`);
    this.name = 'AccessTokenUnavailable';
  }
}

/** A token is used until this long before WeChat says it expires (or half its life, if that is shorter). */
const EXPIRY_MARGIN_S = 300;

/** How long a token of `expiresIn` seconds is used, in milliseconds. */
export function tokenLifetimeMs(expiresIn: number): number {
  return (expiresIn > 2 * EXPIRY_MARGIN_S ? expiresIn - EXPIRY_MARGIN_S : expiresIn / 2) * 1000;
}

/**
 * The mini-program's access token for WeChat's server API (`/cgi-bin/token`, client_credential), kept in memory
 * until shortly before it expires. Refreshes are single-flight: however many sends want a token at once, one
 * request goes out and they all wait for it. A token WeChat rejects (40001/42001) is dropped with invalidate(),
 * once: callers still holding the old one after a refresh do not drop the new one.
 * The token is never logged.
 */
@Injectable()
export class WechatAccessTokens {
  private readonly logger = new Logger(WechatAccessTokens.name);
  private cached: { token: string; refreshAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  /** The clock the cache runs on; tests move it. */
  now: () => number = Date.now;

  constructor(private readonly config: AppConfig) {}

  /** A valid token, fetched only when there is none or it is about to expire; throws AccessTokenUnavailable. */
  get(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    if (!this.refreshing) {
      this.refreshing = this.fetch().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** WeChat rejected `token` as expired or invalid: the next get() fetches a new one, unless that already happened. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async fetch(): Promise<string> {
    const url = new URL(`${this.config.wechatApiBase}/cgi-bin/token`);
    url.searchParams.set('grant_type', 'client_credential');
    url.searchParams.set('appid', this.config.wechatAppId ?? '');
    url.searchParams.set('secret', this.config.wechatSecret ?? '');
    const reply = await callWechat(url, this.config.wechatTimeoutMs);
    if (!reply.ok) {
      this.logger.warn({ msg: 'wechat access token unreachable', reason: reply.reason });
      throw new AccessTokenUnavailable(null, reply.reason);
    }
    const errcode = errcodeOf(reply.body);
    if (errcode !== 0) {
      // 40013 / 40125: wrong app id or secret; 40164: this server's IP is not on the whitelist; -1: busy.
      this.logger.warn({ msg: 'wechat access token refused', errcode, errmsg: errmsgOf(reply.body) });
      throw new AccessTokenUnavailable(errcode, errmsgOf(reply.body) ?? 'refused');
    }
    const { access_token: token, expires_in: expiresIn } = reply.body;
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      this.logger.warn({ msg: 'wechat access token reply without a token' });
      throw new AccessTokenUnavailable(null, 'bad_reply');
    }
    this.cached = { token, refreshAt: this.now() + tokenLifetimeMs(expiresIn) };
    return token;
  }
}
