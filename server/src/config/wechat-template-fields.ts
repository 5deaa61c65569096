/**
 * Which data field of the vote-result subscription template (订阅消息模板) carries which part of the message.
 * The fields are chosen with the template in the WeChat admin console (公众平台 → 订阅消息), so the keys are
 * configuration: WECHAT_POLL_RESULT_FIELDS, e.g. `title=thing1,result=thing2,closedAt=time3`.
 */
export const POLL_RESULT_FIELD_NAMES = ['title', 'result', 'closedAt'] as const;
export type PollResultFieldName = (typeof POLL_RESULT_FIELD_NAMES)[number];

/** Template data key for each part: `title` (the vote's title), `result` (its outcome), `closedAt` (when it closed). */
export type PollResultFieldKeys = Record<PollResultFieldName, string>;

/** A public 投票结果通知 template: 投票主题 thing1, 投票结果 thing2, 结束时间 time3. */
export const DEFAULT_POLL_RESULT_FIELDS: PollResultFieldKeys = { title: 'thing1', result: 'thing2', closedAt: 'time3' };

/** WeChat's template data keys: a type (thing, phrase, time, date, character_string, …) and a number. */
const TEMPLATE_DATA_KEY = /^[a-z][a-z_]*\d+$/;

/** True when `value` names a distinct, well-formed template key for each of the three parts, and nothing else. */
export function isPollResultFieldKeys(value: unknown): value is PollResultFieldKeys {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return (
    entries.length === POLL_RESULT_FIELD_NAMES.length &&
    POLL_RESULT_FIELD_NAMES.every((name) => typeof (value as Record<string, unknown>)[name] === 'string' && TEMPLATE_DATA_KEY.test((value as Record<string, string>)[name])) &&
    new Set(entries.map(([, key]) => key)).size === entries.length
  );
}

/** `title=thing1,result=thing2,closedAt=time3` (any order) → the keys; null when it is not exactly that shape. */
export function parsePollResultFields(text: string): PollResultFieldKeys | null {
  const keys: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const match = /^\s*(\w+)\s*=\s*(\w+)\s*$/.exec(pair);
    if (!match || match[1] in keys) return null;
    keys[match[1]] = match[2];
  }
  return isPollResultFieldKeys(keys) ? keys : null;
}
