import type { DeliberationPollResult, OwnerDecision, PollTally } from '@linli/shared';
import { DEFAULT_POLL_RESULT_FIELDS } from '../config/wechat-template-fields';
import { briefPollResult, clipText, formatBeijingTime, pollPagePath, pollResultData, THING_MAX, type PollForMessage } from './poll-result-message';

const OPTIONS = [
  { id: 'east', label: '东门' },
  { id: 'west', label: '西门' },
];

function tally(votes: number[], leaders: string[]): PollTally {
  return {
    options: OPTIONS.map((o, i) => ({ optionId: o.id, votes: votes[i] ?? 0 })),
    voters: votes.reduce((a, b) => a + b, 0),
    ballotsReceived: 0,
    superseded: 0,
    duplicates: 0,
    invalid: 0,
    turnout: null,
    leaders,
  };
}

function result(t: PollTally, ownerDecision: Partial<OwnerDecision> | null = null): DeliberationPollResult {
  return { tally: t, ownerDecision: ownerDecision as OwnerDecision | null, summary: '……', chainHead: 'h', chainCount: t.voters, bulletinPostId: 1 };
}

const poll = (over: Partial<PollForMessage> = {}): PollForMessage => ({
  id: 7,
  title: '充电桩放在哪里',
  options: OPTIONS,
  result: result(tally([3, 1], ['east'])),
  closedAt: new Date('2024-11-20T10:05:30Z'),
  ...over,
});

describe('the vote-result message', () => {
  it('names the option with the most votes and its count', () => {
    expect(briefPollResult(poll())).toBe('东门得票最多（3票）');
  });

  it('names every option tied for the most votes', () => {
    expect(briefPollResult(poll({ result: result(tally([2, 2], ['east', 'west'])) }))).toBe('东门、西门并列最多');
  });

  it('says nobody voted when nobody did', () => {
    expect(briefPollResult(poll({ result: result(tally([0, 0], [])) }))).toBe('无人投票');
  });

  it('gives an owners’ decision as passed, not passed, or void for too few taking part', () => {
    const t = tally([0, 0], []);
    expect(briefPollResult(poll({ result: result(t, { valid: true, passed: true }) }))).toBe('表决通过');
    expect(briefPollResult(poll({ result: result(t, { valid: true, passed: false }) }))).toBe('表决未通过');
    expect(briefPollResult(poll({ result: result(t, { valid: false, passed: false }) }))).toBe('参与不足，表决不成立');
  });

  it('keeps the result within 20 characters, cutting a long option name but keeping the count', () => {
    const long = [{ id: 'east', label: '小区东门外侧人行道旁的空地上靠近岗亭的位置' }, OPTIONS[1]];
    const text = briefPollResult(poll({ options: long, result: result(tally([12, 1], ['east'])) }));
    expect([...text]).toHaveLength(THING_MAX);
    expect(text.endsWith('…得票最多（12票）')).toBe(true);
  });

  it('writes the close time in Beijing time, as WeChat’s time fields read it', () => {
    expect(formatBeijingTime(new Date('2024-11-20T10:05:30Z'))).toBe('2024年11月20日 18:05');
    expect(formatBeijingTime(new Date('2024-12-31T16:00:00Z'))).toBe('2025年1月1日 00:00');
  });

  it('puts title, result and close time under the configured keys, the title cut to 20 characters', () => {
    expect(pollResultData(poll({ title: '关于小区东门加装电动车集中充电桩具体位置的选择' }), DEFAULT_POLL_RESULT_FIELDS)).toEqual({
      thing1: { value: '关于小区东门加装电动车集中充电桩具体位…' },
      thing2: { value: '东门得票最多（3票）' },
      time3: { value: '2024年11月20日 18:05' },
    });
    expect(Object.keys(pollResultData(poll(), { title: 'thing4', result: 'phrase7', closedAt: 'date2' }))).toEqual(['thing4', 'phrase7', 'date2']);
  });

  it('opens the poll’s page', () => {
    expect(pollPagePath(7)).toBe('pages/deliberations/poll/index?id=7');
  });

  it('cuts by characters, never inside one', () => {
    expect(clipText('  短标题  ', 20)).toBe('短标题');
    expect(clipText('😀'.repeat(25), 20)).toBe(`${'😀'.repeat(19)}…`);
  });
});
