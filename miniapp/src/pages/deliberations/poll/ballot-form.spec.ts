import type { DeliberationVoterSlot } from '@linli/shared';
import { ballotInputFor, ballotOptionsOf, checkChoice, describeChoice, groupReceipt, toggleChoice, votingPollOf } from './ballot-form';

const options = [
  { id: 'a', label: '东门加装电梯' },
  { id: 'b', label: '西门加装电梯' },
  { id: 'c', label: '暂不加装' },
];

describe('ballot form', () => {
  it('replaces the pick on a single-choice ballot and toggles it on a multiple-choice one', () => {
    expect(toggleChoice('single', ['a'], 'b')).toEqual(['b']);
    expect(toggleChoice('approval3', ['agree'], 'abstain')).toEqual(['abstain']);
    expect(toggleChoice('multiple', ['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleChoice('multiple', ['a', 'b'], 'a')).toEqual(['b']);
  });

  it('refuses more picks than a multiple-choice poll allows, with the shared message', () => {
    const poll = { type: 'multiple' as const, options, maxChoices: 2 };
    const check = checkChoice(poll, ['a', 'b', 'c']);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toBe('本投票最多可选 2 项');
    expect(checkChoice(poll, [])).toMatchObject({ ok: false, error: 'no_option' });
  });

  it('puts an accepted choice into the poll option order', () => {
    expect(checkChoice({ type: 'multiple', options, maxChoices: 3 }, ['c', 'a'])).toEqual({ ok: true, optionIds: ['a', 'c'] });
  });

  it('offers agree / disagree / abstain for an owners decision that lists no options', () => {
    const poll = { type: 'approval3' as const, options: [], maxChoices: 1 };
    expect(ballotOptionsOf(poll).map((o) => o.label)).toEqual(['同意', '反对', '弃权']);
    expect(votingPollOf(poll)).toEqual({ type: 'approval3' });
    expect(checkChoice(poll, ['agree'])).toEqual({ ok: true, optionIds: ['agree'] });
  });

  it('names the unit for an owners vote and the current receipt when the voter changes the ballot', () => {
    const unit: DeliberationVoterSlot = { unitId: 31, label: '3栋1单元602', exclusiveArea: 8950, current: null };
    expect(ballotInputFor(unit, ['agree'])).toEqual({ choice: ['agree'], unitId: 31 });
    const personal: DeliberationVoterSlot = {
      unitId: null,
      label: '本人',
      exclusiveArea: null,
      current: { pollId: 1, seq: 4, receipt: 'ab12', choice: ['a'], castAt: '2026-11-23T06:00:00.000Z', supersedesSeq: null },
    };
    expect(ballotInputFor(personal, ['b'])).toEqual({ choice: ['b'], replacesReceipt: 'ab12' });
  });

  it('reads a choice back with its labels and prints a receipt in groups of eight', () => {
    expect(describeChoice({ type: 'multiple', options }, ['a', 'c'])).toBe('东门加装电梯、暂不加装');
    expect(groupReceipt('0123456789abcdef01')).toBe('01234567 89abcdef 01');
  });
});
