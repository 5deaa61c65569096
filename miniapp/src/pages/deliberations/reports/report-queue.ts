import {
  DELIBERATION_REPORT_NOTE_MAX,
  DELIBERATION_REPORT_OUTCOME_LABELS,
  isAllowed,
  type CommunitySummary,
  type DeliberationCommentHideInput,
  type DeliberationReportDismissInput,
  type DeliberationReportedCommentView,
  type DeliberationReportHandling,
  type RoleGrant,
} from '@linli/shared';
import { formatShanghaiTime } from '../parts/deliberation-time';

/** The hide reason as a request body: residents read it in place of the comment, so it must say something. */
export function toHideInput(reason: string): { input?: DeliberationCommentHideInput; error?: string } {
  const text = reason.trim();
  if (Array.from(text).length < 2) return { error: '请填写隐藏原因（至少 2 个字），居民会在原处看到' };
  if (text.length > DELIBERATION_REPORT_NOTE_MAX) return { error: `隐藏原因不能超过 ${DELIBERATION_REPORT_NOTE_MAX} 个字` };
  return { input: { reason: text } };
}

/** The dismissal note as a request body: required, short. */
export function toDismissInput(note: string): { input?: DeliberationReportDismissInput; error?: string } {
  const text = note.trim();
  if (!text) return { error: '驳回举报时请填写说明' };
  if (text.length > DELIBERATION_REPORT_NOTE_MAX) return { error: `说明不能超过 ${DELIBERATION_REPORT_NOTE_MAX} 个字` };
  return { input: { note: text } };
}

/** The communities whose reported comments these grants may handle, per the shared permission matrix. */
export function managedCommunities(grants: RoleGrant[], districtId: number, communities: CommunitySummary[]): CommunitySummary[] {
  return communities.filter((c) => isAllowed(grants, 'deliberation.manage', { districtId, streetId: c.streetId, communityId: c.id }));
}

/** The community the page opens on: the one asked for when the person manages it, else their first. */
export function initialReportsCommunity(asked: number | null, managed: readonly CommunitySummary[]): number | null {
  if (asked !== null && managed.some((c) => c.id === asked)) return asked;
  return managed[0]?.id ?? null;
}

/** A further page appended to what is shown; an item already shown (the queue moved meanwhile) is not repeated. */
export function appendPage(shown: readonly DeliberationReportedCommentView[], next: readonly DeliberationReportedCommentView[]): DeliberationReportedCommentView[] {
  const seen = new Set(shown.map((item) => item.commentId));
  return [...shown, ...next.filter((item) => !seen.has(item.commentId))];
}

/** "举报 3 次 · 待处理 1" */
export function reportCountLine(item: Pick<DeliberationReportedCommentView, 'reportCount' | 'openReportCount'>): string {
  return item.openReportCount > 0 ? `举报 ${item.reportCount} 次 · 待处理 ${item.openReportCount}` : `举报 ${item.reportCount} 次`;
}

/** "已驳回举报 · 居委会主任 · 2024-11-20 16:10：属于正常意见表达" */
export function handlingLine(handling: DeliberationReportHandling): string {
  const who = [DELIBERATION_REPORT_OUTCOME_LABELS[handling.outcome], handling.handledByName, formatShanghaiTime(handling.handledAt)].filter(Boolean).join(' · ');
  return handling.note ? `${who}：${handling.note}` : who;
}
