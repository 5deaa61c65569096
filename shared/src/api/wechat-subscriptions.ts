/**
 * WeChat subscription messages (订阅消息): a resident accepts one message of a template about one subject in the
 * mini-program (`wx.requestSubscribeMessage`), the server records that credit and spends it when the subject's
 * news is there (a vote's result). The in-app 消息通知 is sent either way; this only adds the WeChat message.
 */

/** The templates the server can send, by a stable key; the template ids themselves are per mini-program. */
export const WECHAT_TEMPLATE_KEYS = ['poll_result'] as const;
export type WechatTemplateKey = (typeof WECHAT_TEMPLATE_KEYS)[number];

/** GET /api/wechat/templates — the template id for each key; null when the server does not send that message. */
export type WechatTemplatesResponse = Record<WechatTemplateKey, string | null>;

/** The subject of a vote's result message, the same `poll:<id>` its 消息通知 carries. */
export function pollResultSubject(pollId: number): string {
  return `poll:${pollId}`;
}

/** What a `poll_result` subject looks like: `poll:` and a poll id. */
export const POLL_RESULT_SUBJECT_PATTERN = /^poll:[1-9]\d{0,9}$/;

/** The poll a `poll_result` subject is about, or null when it is not one. */
export function pollIdOfSubject(subject: string): number | null {
  return POLL_RESULT_SUBJECT_PATTERN.test(subject) ? Number(subject.slice('poll:'.length)) : null;
}

/** POST /api/me/wechat-subscriptions — the signed-in person accepted one message of `templateKey` about `subject`. */
export interface WechatSubscriptionInput {
  templateKey: WechatTemplateKey;
  subject: string;
}

/**
 * Where a credit stands: `waiting` for its subject's news, `due` to be sent (again, after a failed try),
 * `sending` claimed by one server process, then `sent`, `refused` by WeChat (the person withdrew or has no
 * quota left; never retried) or `failed` (permanently, or after the last retry).
 */
export const WECHAT_SUBSCRIPTION_STATUSES = ['waiting', 'due', 'sending', 'sent', 'refused', 'failed'] as const;
export type WechatSubscriptionStatus = (typeof WECHAT_SUBSCRIPTION_STATUSES)[number];

/** The answer to POST /api/me/wechat-subscriptions (201 when recorded now, 200 when it already was). */
export interface WechatSubscriptionView {
  templateKey: WechatTemplateKey;
  subject: string;
  status: WechatSubscriptionStatus;
  createdAt: string;
}

/** Refusals of the subscription endpoint, besides validation, 401 and 404. */
export type WechatSubscriptionErrorCode =
  /** The server sends no WeChat messages of this template (not configured). */
  | 'subscribe_unavailable'
  /** The vote has already closed: its result is on the bulletin board and in 消息通知. */
  | 'poll_closed';
