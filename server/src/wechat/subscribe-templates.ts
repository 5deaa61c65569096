import type { WechatTemplateKey, WechatTemplatesResponse } from '@linli/shared';
import type { AppConfig } from '../config/app-config';

/**
 * The template id the server sends for each key, null where it sends none. Subscription messages need the
 * app id and secret (for the access token) as well as the template: without any of them nothing is sent,
 * nothing is asked for, and WeChat is never called — the default in development and tests.
 */
export function subscribeTemplates(config: AppConfig): WechatTemplatesResponse {
  const credentials = !!config.wechatAppId && !!config.wechatSecret;
  return { poll_result: credentials ? (config.wechatPollResultTemplateId ?? null) : null };
}

export function templateIdFor(config: AppConfig, key: WechatTemplateKey): string | null {
  return subscribeTemplates(config)[key];
}
