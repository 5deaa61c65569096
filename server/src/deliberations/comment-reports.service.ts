import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliberationPage, DeliberationReportedCommentView, DeliberationReportOutcome, DeliberationReportQueueStatus } from '@linli/shared';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { TransactionRunner } from '../database/transaction-runner';
import { User } from '../users/user.entity';
import { reportedCommentView } from './comment-report-views';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationErrors } from './deliberation-errors';
import type { CommentReportListQueryDto } from './dto/comment-report.dto';
import { DeliberationCommentReport } from './entities/comment-report.entity';
import { DeliberationComment } from './entities/comment.entity';
import { Deliberation } from './entities/deliberation.entity';

/**
 * The committee's queue of reported comments (举报处理): which comments of a community's deliberations were
 * reported, and the handling of each report. Hiding a comment (CommentsService.hide) handles its open
 * reports too; dismissing handles them without touching the comment.
 */
@Injectable()
export class CommentReportsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DeliberationAccess,
  ) {}

  /** The route guard has placed the caller in the community's committee; newest report first. */
  async queue(communityId: number, query: CommentReportListQueryDto): Promise<DeliberationPage<DeliberationReportedCommentView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const items = this.reportedComments(communityId, query.status ?? 'open');
    const [rows, counted] = await Promise.all([
      items
        .clone()
        .orderBy('MAX(r.id)', 'DESC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawMany<{ comment_id: number | string }>(),
      this.dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .from(`(${items.getQuery()})`, 'q')
        .setParameters(items.getParameters())
        .getRawOne<{ n: number | string }>(),
    ]);
    const ids = rows.map((row) => Number(row.comment_id));
    return { items: await this.views(ids), total: Number(counted?.n ?? 0), page, pageSize };
  }

  async dismiss(user: AuthUser, commentId: number, note: string): Promise<DeliberationReportedCommentView> {
    const comment = await this.dataSource.getRepository(DeliberationComment).findOneBy({ id: commentId });
    if (!comment) throw DeliberationErrors.commentNotFound();
    const deliberation = await this.dataSource.getRepository(Deliberation).findOneBy({ id: comment.deliberationId });
    if (!deliberation) throw DeliberationErrors.deliberationNotFound();
    await this.access.assertMay(user, 'deliberation.manage', deliberation.communityId);
    const handled = await this.transactions.run((manager) => this.handleOpen(manager, commentId, user.id, 'dismissed', note.trim()));
    if (handled === 0) throw DeliberationErrors.noOpenReports();
    return (await this.views([commentId]))[0];
  }

  /**
   * Marks the comment's open reports handled, in the caller's transaction; returns how many it marked. One
   * conditional UPDATE, so two committee members acting at once cannot both handle the same report.
   */
  async handleOpen(manager: EntityManager, commentId: number, userId: number, outcome: DeliberationReportOutcome, note: string): Promise<number> {
    const result = await manager
      .getRepository(DeliberationCommentReport)
      .update({ commentId, handledAt: IsNull() }, { handledAt: new Date(), handledById: userId, outcome, handlingNote: note });
    return result.affected ?? 0;
  }

  /** One row per reported comment of the community, with its newest report and open-report count. */
  private reportedComments(communityId: number, status: DeliberationReportQueueStatus) {
    const open = 'SUM(CASE WHEN r.handled_at IS NULL THEN 1 ELSE 0 END)';
    return this.dataSource
      .getRepository(DeliberationCommentReport)
      .createQueryBuilder('r')
      .select('r.comment_id', 'comment_id')
      .innerJoin(DeliberationComment, 'c', 'c.id = r.comment_id')
      .innerJoin(Deliberation, 'd', 'd.id = c.deliberation_id')
      .where('d.community_id = :communityId', { communityId })
      .groupBy('r.comment_id')
      .having(status === 'open' ? `${open} > 0` : `${open} = 0`);
  }

  private async views(commentIds: number[]): Promise<DeliberationReportedCommentView[]> {
    if (commentIds.length === 0) return [];
    const comments = await this.dataSource.getRepository(DeliberationComment).findBy({ id: In(commentIds) });
    const deliberationIds = [...new Set(comments.map((c) => c.deliberationId))];
    const [deliberations, reports] = await Promise.all([
      this.dataSource.getRepository(Deliberation).find({ where: { id: In(deliberationIds) }, select: { id: true, title: true } }),
      this.dataSource.getRepository(DeliberationCommentReport).find({ where: { commentId: In(commentIds) }, order: { id: 'DESC' } }),
    ]);
    const userIds = new Set<number>(comments.map((c) => c.authorId));
    for (const report of reports) if (report.handledById !== null) userIds.add(report.handledById);
    const names = new Map(
      (await this.dataSource.getRepository(User).find({ where: { id: In([...userIds]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    const titles = new Map(deliberations.map((d) => [d.id, d.title]));
    const byComment = new Map<number, DeliberationCommentReport[]>();
    for (const report of reports) byComment.set(report.commentId, [...(byComment.get(report.commentId) ?? []), report]);
    const byId = new Map(comments.map((c) => [c.id, c]));
    return commentIds
      .filter((id) => byId.has(id))
      .map((id) => {
        const comment = byId.get(id)!;
        return reportedCommentView(comment, titles.get(comment.deliberationId) ?? '', byComment.get(id) ?? [], names);
      });
  }
}
