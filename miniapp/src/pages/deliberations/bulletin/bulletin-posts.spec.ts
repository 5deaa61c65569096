import { tallyPoll } from '@linli/shared';
import { mergeBulletinPosts, pollResultOf } from './bulletin-posts';

const tally = tallyPoll({ type: 'single', optionIds: ['a', 'b'] }, [{ voterKey: 'x', seq: 1, choice: ['a'] }]);
const result = { tally, ownerDecision: null, summary: '得票最多：甲', chainHead: 'f'.repeat(64), chainCount: 1, bulletinPostId: 5 };

describe('bulletin posts', () => {
  it('reads the poll result a result post carries', () => {
    expect(pollResultOf({ kind: 'poll_result', data: { pollId: 3, deliberationId: 2, result } })).toEqual({ pollId: 3, deliberationId: 2, result });
  });

  it('ignores other posts and data without a tally', () => {
    expect(pollResultOf({ kind: 'poll_opened', data: { pollId: 3, result } })).toBeNull();
    expect(pollResultOf({ kind: 'poll_result', data: { pollId: 3, result: { summary: 'x' } } })).toBeNull();
  });

  it('adds a live post on top without duplicating one already shown', () => {
    const older = { id: 1, publishedAt: '2026-11-20T00:00:00.000Z' };
    const newer = { id: 2, publishedAt: '2026-11-22T00:00:00.000Z' };
    expect(mergeBulletinPosts([newer, older], [newer]).map((p) => p.id)).toEqual([2, 1]);
    expect(mergeBulletinPosts([older], [newer]).map((p) => p.id)).toEqual([2, 1]);
  });
});
