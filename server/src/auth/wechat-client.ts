import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';

export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

/** WeChat answers HTTP 200 with an errcode on failure; these mean the user's login code is bad. */
const INVALID_CODE_ERRORS = new Set([40029, 40163]);

interface Code2SessionReply {
  openid?: unknown;
  unionid?: unknown;
  session_key?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
}

/**
 * The mini-program login exchange (`wx.login` code → openid) against WeChat's jscode2session.
 * The session_key in the reply is never returned nor logged: the server has no use for it.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(private readonly config: AppConfig) {}

  async code2session(code: string): Promise<WechatIdentity> {
    const url = new URL(`${this.config.wechatApiBase}/sns/jscode2session`);
    url.searchParams.set('appid', this.config.wechatAppId ?? '');
    url.searchParams.set('secret', this.config.wechatSecret ?? '');
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');

    let reply: Code2SessionReply;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.config.wechatTimeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      reply = (await response.json()) as Code2SessionReply;
      if (typeof reply !== 'object' || reply === null) throw new Error('reply is not an object');
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message;
      this.logger.warn({ reason }, 'wechat code2session unreachable');
      throw new ApiException(502, 'upstream_failed', '微信登录服务暂时不可用，请稍后再试');
    }

    const errcode = typeof reply.errcode === 'number' ? reply.errcode : 0;
    if (errcode !== 0) {
      this.logger.warn({ errcode, errmsg: reply.errmsg }, 'wechat code2session refused');
      if (INVALID_CODE_ERRORS.has(errcode)) {
        throw new ApiException(401, 'unauthenticated', '微信登录凭证无效或已使用，请重新登录');
      }
      // 45011 (rate limit), -1 (busy) and anything unknown: WeChat's side, worth a retry later.
      throw new ApiException(502, 'upstream_failed', '微信登录服务繁忙，请稍后再试');
    }
    if (typeof reply.openid !== 'string' || !reply.openid) {
      this.logger.warn('wechat code2session reply without openid');
      throw new ApiException(502, 'upstream_failed', '微信登录服务暂时不可用，请稍后再试');
    }
    return typeof reply.unionid === 'string' ? { openid: reply.openid, unionid: reply.unionid } : { openid: reply.openid };
  }
}
