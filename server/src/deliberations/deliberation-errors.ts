import type { DeliberationErrorCode } from '@linli/shared';
import { ApiException } from '../common/api-exception';

const fail = (status: number, code: DeliberationErrorCode | 'not_found' | 'forbidden' | 'validation_failed' | 'unprocessable', message: string, details?: unknown) =>
  new ApiException(status, code as never, message, details);

/** Every refusal of the deliberation feature, with the message a resident reads. */
export const DeliberationErrors = {
  topicNotFound: () => fail(404, 'not_found', '议题不存在'),
  deliberationNotFound: () => fail(404, 'not_found', '议事不存在'),
  commentNotFound: () => fail(404, 'not_found', '评论不存在'),
  pollNotFound: () => fail(404, 'not_found', '投票不存在'),
  bulletinNotFound: () => fail(404, 'not_found', '公告不存在'),
  outOfScope: () => fail(403, 'forbidden', '这不在您负责的范围内'),
  notResident: () => fail(403, 'not_resident', '仅本社区已认证的居民可以参与'),
  notInScope: (label: string) => fail(403, 'not_in_scope', `本议题仅限${label}参与`),
  buildingRequired: () => fail(400, 'validation_failed', '楼栋范围的议题需要填写楼栋'),
  notReviewable: () => fail(409, 'topic_not_reviewable', '该议题已审核，不能重复审核'),
  rejectNeedsReason: () => fail(400, 'validation_failed', '驳回议题时请填写理由'),
  mergeNeedsTarget: () => fail(400, 'validation_failed', '合并议题时请选择要合并到的议题'),
  badMergeTarget: () => fail(422, 'unprocessable', '只能合并到本社区已通过或议事中的其他议题'),
  topicNotApproved: () => fail(409, 'topic_not_approved', '只有审核通过的议题才能发起议事'),
  topicNotSupportable: () => fail(409, 'topic_not_approved', '该议题当前不能附议'),
  discussionClosed: () => fail(409, 'discussion_closed', '讨论期已结束，不能再发表评论'),
  badParent: () => fail(422, 'unprocessable', '只能回复本议事中的评论'),
  alreadyReported: () => fail(409, 'already_reported', '您已举报过这条评论'),
  noOpenReports: () => fail(409, 'no_open_reports', '这条评论没有待处理的举报'),
  badTime: (message: string) => fail(400, 'validation_failed', message),
  badPollDefinition: (message: string, details?: unknown) => fail(422, 'bad_poll_definition', message, details),
  pollNotOpen: (phase: 'scheduled' | 'closed') =>
    fail(409, 'poll_not_open', phase === 'scheduled' ? '投票尚未开始' : '投票已结束，不能再投票', { phase }),
  notEligible: (message = '您不在本次投票的范围内') => fail(403, 'not_eligible', message),
  unitRequired: () => fail(400, 'validation_failed', '业主表决请选择投票的房屋'),
  unitNotAllowed: () => fail(400, 'validation_failed', '本次投票按人投票，不需要选择房屋'),
  notUnitOwner: () => fail(403, 'not_unit_owner', '您不是该房屋已认证的业主，不能代表该房屋投票'),
  ballotInvalid: (message: string, reason: string, extra?: unknown) =>
    fail(422, 'ballot_invalid', message, { reason, ...(extra && typeof extra === 'object' ? extra : {}) }),
  ballotExists: (seq: number) => fail(409, 'ballot_exists', '您已经投过票了；如需改票，请在改票时附上当前选票的回执', { seq }),
  ballotChanged: () => fail(409, 'ballot_changed', '您的选票已在其他设备上更新，请刷新后再改票'),
  idempotencyConflict: () => fail(409, 'idempotency_conflict', '同一提交编号对应了不同的选票内容'),
  commentIdempotencyConflict: () => fail(409, 'idempotency_conflict', '同一提交编号对应了不同的评论内容'),
  badIdempotencyKey: () => fail(400, 'validation_failed', 'Idempotency-Key 格式不正确'),
  chainHidden: () => fail(403, 'forbidden', '本投票在结束前不公开计票明细'),
};
