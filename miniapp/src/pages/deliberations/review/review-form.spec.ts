import { toReviewInput } from './review-form';

describe('topic review form', () => {
  it('approves with or without a note', () => {
    expect(toReviewInput('approve', '  ', null)).toEqual({ input: { decision: 'approve' } });
    expect(toReviewInput('approve', '同意公开讨论', null)).toEqual({ input: { decision: 'approve', reason: '同意公开讨论' } });
  });

  it('will not reject without a reason the proposer can read', () => {
    expect(toReviewInput('reject', '', null).error).toContain('原因');
    expect(toReviewInput('reject', '属物业合同纠纷，请联系物业', null).input).toEqual({
      decision: 'reject',
      reason: '属物业合同纠纷，请联系物业',
    });
  });

  it('merges only into a chosen topic', () => {
    expect(toReviewInput('merge', '', null).error).toBeTruthy();
    expect(toReviewInput('merge', '', 12).input).toEqual({ decision: 'merge', mergeIntoTopicId: 12 });
  });
});
