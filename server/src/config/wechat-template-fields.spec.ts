import { DEFAULT_POLL_RESULT_FIELDS, isPollResultFieldKeys, parsePollResultFields } from './wechat-template-fields';

describe('the vote-result template field mapping', () => {
  it('reads title, result and close time keys in any order', () => {
    expect(parsePollResultFields('title=thing1,result=thing2,closedAt=time3')).toEqual(DEFAULT_POLL_RESULT_FIELDS);
    expect(parsePollResultFields(' closedAt = date5 , title=thing12,result=character_string3')).toEqual({
      title: 'thing12',
      result: 'character_string3',
      closedAt: 'date5',
    });
  });

  it.each([
    ['a part missing', 'title=thing1,result=thing2'],
    ['an unknown part', 'title=thing1,result=thing2,closedAt=time3,place=thing4'],
    ['a part twice', 'title=thing1,title=thing2,closedAt=time3'],
    ['one key for two parts', 'title=thing1,result=thing1,closedAt=time3'],
    ['a key without its number', 'title=thing,result=thing2,closedAt=time3'],
    ['not pairs at all', 'thing1 thing2 time3'],
  ])('refuses %s', (_label, text) => {
    expect(parsePollResultFields(text)).toBeNull();
  });

  it('checks a mapping given as an object the same way', () => {
    expect(isPollResultFieldKeys(DEFAULT_POLL_RESULT_FIELDS)).toBe(true);
    expect(isPollResultFieldKeys({ ...DEFAULT_POLL_RESULT_FIELDS, extra: 'thing9' })).toBe(false);
    expect(isPollResultFieldKeys('title=thing1')).toBe(false);
  });
});
