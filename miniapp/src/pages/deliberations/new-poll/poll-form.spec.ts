import { emptyPollForm, toPollInput } from './poll-form';

const now = new Date('2026-11-23T06:00:00.000Z');

describe('poll form', () => {
  it('opens a single-choice vote now and closes it after the chosen duration, with generated option ids', () => {
    const form = { ...emptyPollForm('community', '电梯方案'), options: ['东门', ' 西门 ', ''], durationHours: 72 };
    expect(toPollInput(form, 'community', now).input).toEqual({
      title: '电梯方案',
      type: 'single',
      options: [
        { id: 'opt1', label: '东门' },
        { id: 'opt2', label: '西门' },
      ],
      opensAt: '2026-11-23T06:00:00.000Z',
      closesAt: '2026-11-26T06:00:00.000Z',
    });
  });

  it('uses the shared poll rules for too few options and a bad choice limit', () => {
    expect(toPollInput({ ...emptyPollForm('community', '方案'), options: ['只有一个'] }, 'community', now).errors.options).toBe('投票至少需要两个选项');
    const multiple = { ...emptyPollForm('community', '方案'), type: 'multiple' as const, options: ['甲', '乙'], maxChoices: '3' };
    expect(toPollInput(multiple, 'community', now).errors.maxChoices).toBe('最多可选项数应在 1 到 2 之间');
    expect(toPollInput({ ...multiple, maxChoices: '2' }, 'community', now).input?.maxChoices).toBe(2);
  });

  it('asks for a title of at least two characters', () => {
    expect(toPollInput({ ...emptyPollForm('community', '电'), options: ['甲', '乙'] }, 'community', now).errors.title).toBe('投票标题至少 2 个字');
  });

  it('refuses the same option twice', () => {
    expect(toPollInput({ ...emptyPollForm('community', '方案'), options: ['甲', '甲 '] }, 'community', now).errors.options).toBe('选项不能重复');
  });

  it('makes an owners topic an agree/disagree/abstain vote that needs its Art. 278 matter and sends no options', () => {
    const form = emptyPollForm('owners', '使用维修资金更换水泵');
    expect(form.type).toBe('approval3');
    expect(toPollInput(form, 'owners', now).errors.ownerMatter).toBeTruthy();
    const input = toPollInput({ ...form, ownerMatter: 'use_maintenance_fund', hideResultsUntilClose: true }, 'owners', now).input;
    expect(input).toMatchObject({ type: 'approval3', ownerMatter: 'use_maintenance_fund', hideResultsUntilClose: true });
    expect(input).not.toHaveProperty('options');
  });
});
