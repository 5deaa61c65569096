import type { DeliberationReviewDecision, DeliberationReviewInput } from '@linli/shared';

/** The review as a request body: a rejection must say why (the proposer reads it), a merge must name its target. */
export function toReviewInput(
  decision: DeliberationReviewDecision,
  reason: string,
  mergeIntoTopicId: number | null,
): { input?: DeliberationReviewInput; error?: string } {
  const note = reason.trim();
  if (decision === 'reject' && !note) return { error: '不通过时请填写原因，提议人会看到' };
  if (decision === 'merge' && mergeIntoTopicId === null) return { error: '请选择要合并到的议题' };
  const input: DeliberationReviewInput = { decision };
  if (note) input.reason = note;
  if (decision === 'merge') input.mergeIntoTopicId = mergeIntoTopicId!;
  return { input };
}
