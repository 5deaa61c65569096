import { pollIdOfSubject, pollResultSubject } from './wechat-subscriptions';

describe('vote-result subjects', () => {
  it('names a poll as its notifications do, and reads the poll back', () => {
    expect(pollResultSubject(12)).toBe('poll:12');
    expect(pollIdOfSubject(pollResultSubject(12))).toBe(12);
  });

  it.each(['poll:', 'poll:0', 'poll:012', 'poll:1.5', 'poll:-3', 'case:12', ' poll:12', 'poll:12345678901'])('reads no poll from %p', (subject) => {
    expect(pollIdOfSubject(subject)).toBeNull();
  });
});
