import type { DeliberationPollResult } from '@linli/shared';
import type { PollResultFieldKeys } from '../config/wechat-template-fields';

/** What a vote-result message is made of. */
export interface PollForMessage {
  id: number;
  title: string;
  options: { id: string; label: string }[];
  result: DeliberationPollResult | null;
  closedAt: Date | null;
}

/** WeChat's `thing` fields take at most 20 characters and refuse longer values (errcode 47003). */
export const THING_MAX = 20;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function clipText(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The outcome in at most 20 characters: the owners' decision, or the option with the most votes. */
export function briefPollResult(poll: Pick<PollForMessage, 'options' | 'result'>): string {
  const result = poll.result;
  if (!result) return '已结束';
  const decision = result.ownerDecision;
  if (decision) return decision.passed ? '表决通过' : decision.valid ? '表决未通过' : '参与不足，表决不成立';
  const { tally } = result;
  if (tally.voters === 0 || tally.leaders.length === 0) return '无人投票';
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  if (tally.leaders.length === 1) {
    const votes = tally.options.find((o) => o.optionId === tally.leaders[0])?.votes ?? 0;
    const suffix = `得票最多（${votes}票）`;
    return `${clipText(label(tally.leaders[0]), THING_MAX - suffix.length)}${suffix}`;
  }
  return clipText(`${tally.leaders.map(label).join('、')}并列最多`, THING_MAX);
}

/** `2024年11月20日 18:00`, Beijing time (no daylight saving, so a fixed +8 hours). */
export function formatBeijingTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** The poll's page, as the message opens it (no leading slash, as WeChat wants it). */
export function pollPagePath(pollId: number): string {
  return `pages/deliberations/poll/index?id=${pollId}`;
}

/** The template data of a vote-result message, under the configured field keys. */
export function pollResultData(poll: PollForMessage, fields: PollResultFieldKeys): Record<string, { value: string }> {
  return {
    [fields.title]: { value: clipText(poll.title, THING_MAX) },
    [fields.result]: { value: briefPollResult(poll) },
    [fields.closedAt]: { value: formatBeijingTime(poll.closedAt ?? new Date()) },
  };
}
