import {
  maskName,
  type DeliberationCommentReportEntry,
  type DeliberationReportedCommentView,
  type DeliberationReportHandling,
} from '@linli/shared';
import type { DeliberationCommentReport } from './entities/comment-report.entity';
import type { DeliberationComment } from './entities/comment.entity';

/**
 * Maps a reported comment and its reports to the committee's queue item. Reporters are never named: a
 * report carries its reason and time only. Names are looked up by id in `names`.
 */
export function reportedCommentView(
  comment: DeliberationComment,
  deliberationTitle: string,
  reports: DeliberationCommentReport[],
  names: ReadonlyMap<number, string>,
): DeliberationReportedCommentView {
  const newestFirst = [...reports].sort((a, b) => b.id - a.id);
  const entries = newestFirst.map((report) => reportEntry(report, names));
  const openReportCount = entries.filter((e) => e.handling === null).length;
  return {
    commentId: comment.id,
    deliberationId: comment.deliberationId,
    deliberationTitle,
    parentId: comment.parentId,
    authorName: maskName(names.get(comment.authorId) ?? ''),
    body: comment.body,
    hidden: comment.hidden,
    hiddenReason: comment.hidden ? comment.hiddenReason : null,
    commentedAt: comment.createdAt.toISOString(),
    status: openReportCount > 0 ? 'open' : 'handled',
    reportCount: entries.length,
    openReportCount,
    lastReportedAt: entries[0]?.reportedAt ?? comment.createdAt.toISOString(),
    reports: entries,
    lastHandling: latestHandling(newestFirst, names),
  };
}

function reportEntry(report: DeliberationCommentReport, names: ReadonlyMap<number, string>): DeliberationCommentReportEntry {
  return { id: report.id, reason: report.reason, reportedAt: report.createdAt.toISOString(), handling: handlingOf(report, names) };
}

function handlingOf(report: DeliberationCommentReport, names: ReadonlyMap<number, string>): DeliberationReportHandling | null {
  if (!report.handledAt || !report.outcome) return null;
  return {
    outcome: report.outcome,
    note: report.handlingNote,
    handledByName: report.handledById === null ? '' : (names.get(report.handledById) ?? ''),
    handledAt: report.handledAt.toISOString(),
  };
}

/** The most recent handling; of reports handled in the same moment, the newest report's. */
function latestHandling(newestFirst: DeliberationCommentReport[], names: ReadonlyMap<number, string>): DeliberationReportHandling | null {
  let latest: DeliberationCommentReport | null = null;
  for (const report of newestFirst) {
    if (!report.handledAt || !report.outcome) continue;
    if (!latest || report.handledAt.getTime() > latest.handledAt!.getTime()) latest = report;
  }
  return latest ? handlingOf(latest, names) : null;
}
