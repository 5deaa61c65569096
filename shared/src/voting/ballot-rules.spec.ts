import { checkPollDefinition, compileBallotValidator, validateBallot, VotingPoll } from './ballot-rules';

const single = (...optionIds: string[]): VotingPoll => ({ type: 'single', optionIds });
const multiple = (maxChoices: number, ...optionIds: string[]): VotingPoll => ({ type: 'multiple', optionIds, maxChoices });
const approval3: VotingPoll = { type: 'approval3' };

describe('validateBallot', () => {
  it('accepts exactly one known option on a single-choice poll', () => {
    expect(validateBallot(single('park', 'parking', 'lift'), ['parking'])).toEqual({ ok: true, optionIds: ['parking'] });
  });

  it('rejects a second option on a single-choice poll', () => {
    const check = validateBallot(single('park', 'parking'), ['park', 'parking']);
    expect(check).toMatchObject({ ok: false, error: 'too_many_options', message: '本投票只能选择一个选项' });
  });

  it('rejects an empty ballot with no_option', () => {
    expect(validateBallot(single('a', 'b'), [])).toMatchObject({ ok: false, error: 'no_option', message: '请至少选择一个选项' });
    expect(validateBallot(multiple(2, 'a', 'b', 'c'), [])).toMatchObject({ ok: false, error: 'no_option' });
    expect(validateBallot(approval3, [])).toMatchObject({ ok: false, error: 'no_option' });
  });

  it('names the option the poll does not offer', () => {
    const check = validateBallot(multiple(2, 'a', 'b', 'c'), ['a', 'z']);
    expect(check).toEqual({ ok: false, error: 'unknown_option', message: '所选选项不存在', details: { optionId: 'z' } });
  });

  it('rejects picking the same option twice rather than counting it double', () => {
    expect(validateBallot(multiple(3, 'a', 'b', 'c'), ['b', 'b'])).toMatchObject({
      ok: false,
      error: 'duplicate_option',
      details: { optionId: 'b' },
    });
    expect(validateBallot(single('a', 'b'), ['a', 'a'])).toMatchObject({ ok: false, error: 'duplicate_option' });
  });

  it('accepts up to k options on a multiple-choice poll and rejects k + 1', () => {
    const poll = multiple(2, 'a', 'b', 'c', 'd');
    expect(validateBallot(poll, ['d', 'a'])).toEqual({ ok: true, optionIds: ['a', 'd'] });
    expect(validateBallot(poll, ['a'])).toEqual({ ok: true, optionIds: ['a'] });
    expect(validateBallot(poll, ['a', 'b', 'c'])).toEqual({
      ok: false,
      error: 'too_many_options',
      message: '本投票最多可选 2 项',
      details: { max: 2 },
    });
  });

  it('returns the chosen options in the poll order whatever order they were tapped in', () => {
    const poll = multiple(4, 'w', 'x', 'y', 'z');
    const forward = validateBallot(poll, ['w', 'y', 'z']);
    const shuffled = validateBallot(poll, ['z', 'w', 'y']);
    expect(shuffled).toEqual(forward);
  });

  it('offers agree, disagree and abstain on an approval3 poll and only one of them', () => {
    for (const c of ['agree', 'disagree', 'abstain']) {
      expect(validateBallot(approval3, [c])).toEqual({ ok: true, optionIds: [c] });
    }
    expect(validateBallot(approval3, ['agree', 'disagree'])).toMatchObject({ ok: false, error: 'too_many_options' });
    expect(validateBallot(approval3, ['yes'])).toMatchObject({ ok: false, error: 'unknown_option' });
  });

  it('rejects a choice that is not a list of strings (a malformed request that slipped past the edge)', () => {
    const validate = compileBallotValidator(single('a', 'b'));
    expect(validate('a' as unknown as string[])).toMatchObject({ ok: false, error: 'no_option' });
    expect(validate([1] as unknown as string[])).toMatchObject({ ok: false, error: 'unknown_option' });
  });
});

describe('checkPollDefinition', () => {
  it('accepts a sensible poll', () => {
    expect(checkPollDefinition(multiple(2, 'a', 'b', 'c'))).toBeNull();
    expect(checkPollDefinition(approval3)).toBeNull();
  });

  it('refuses polls that cannot be voted on sensibly', () => {
    expect(checkPollDefinition(single('only'))?.error).toBe('too_few_options');
    expect(checkPollDefinition(single('a', 'a'))?.error).toBe('duplicate_option_id');
    expect(checkPollDefinition(single('a', ''))?.error).toBe('empty_option_id');
    expect(checkPollDefinition(multiple(0, 'a', 'b'))?.error).toBe('bad_max_choices');
    expect(checkPollDefinition(multiple(3, 'a', 'b'))?.error).toBe('bad_max_choices');
  });
});
