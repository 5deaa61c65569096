import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IDEMPOTENCY_KEY_PATTERN, type DeliberationCommentView, type DeliberationPage, type DeliberationSupportView } from '@linli/shared';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUniqueViolation } from '../common/error-mapping';
import { User } from '../users/user.entity';
import { CommentReportsService } from './comment-reports.service';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationErrors } from './deliberation-errors';
import type { CommentInputDto, CommentListQueryDto } from './dto/deliberation.dto';
import { DeliberationCommentReport } from './entities/comment-report.entity';
import { DeliberationCommentSupport } from './entities/comment-support.entity';
import { DeliberationComment } from './entities/comment.entity';
import { DeliberationsService } from './deliberations.service';
import { serializedOnSqlite } from '../database/sqlite-write-queue';
import { TransactionRunner } from '../database/transaction-runner';
import { commentView, scopeOf } from './views';

/** The discussion thread of a deliberation: comments, replies, supports, reports and moderation. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DeliberationAccess,
    private readonly deliberations: DeliberationsService,
    private readonly reports: CommentReportsService,
  ) {}

  /**
   * Posts a comment. With an Idempotency-Key, a repeat of the same post (a phone that lost the answer) gets the comment
   * it already made back (`replayed`) instead of a second one; the same key for a different comment is a 409.
   */
  async add(user: AuthUser, deliberationId: number, input: CommentInputDto, idempotencyKey?: string): Promise<{ comment: DeliberationCommentView; replayed: boolean }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) throw DeliberationErrors.badIdempotencyKey();
    if (idempotencyKey !== undefined) {
      const earlier = await this.replayOf(user, deliberationId, input, idempotencyKey);
      if (earlier) return { comment: earlier, replayed: true };
    }
    const deliberation = await this.deliberations.find(deliberationId);
    if (Date.now() >= deliberation.discussionEndsAt.getTime()) throw DeliberationErrors.discussionClosed();
    await this.access.assertInScope(user.id, deliberation.communityId, scopeOf(deliberation));
    const repo = this.dataSource.getRepository(DeliberationComment);
    if (input.parentId !== undefined) {
      const parent = await repo.findOneBy({ id: input.parentId });
      // One level of replies: a reply to a reply is attached to the top-level comment.
      if (!parent || parent.deliberationId !== deliberationId) throw DeliberationErrors.badParent();
      input.parentId = parent.parentId ?? parent.id;
    }
    let saved: DeliberationComment;
    try {
      saved = await serializedOnSqlite(this.dataSource, () =>
      repo.save(
        repo.create({
          deliberationId,
          parentId: input.parentId ?? null,
          authorId: user.id,
          body: input.body.trim(),
          supportCount: 0,
          reportCount: 0,
          hidden: false,
          hiddenReason: null,
          hiddenById: null,
          hiddenAt: null,
          clientKey: idempotencyKey ?? null,
        }),
      ),
    );
    } catch (error) {
      // Two copies of the same post racing: the second finds the first's row.
      const earlier = idempotencyKey !== undefined && isUniqueViolation(error) ? await this.replayOf(user, deliberationId, input, idempotencyKey) : null;
      if (!earlier) throw error;
      return { comment: earlier, replayed: true };
    }
    return { comment: (await this.views(user, [saved], new Map()))[0], replayed: false };
  }

  /** The author's comment made with this key, if any; a different thread or text under the same key is a conflict. */
  private async replayOf(user: AuthUser, deliberationId: number, input: CommentInputDto, clientKey: string): Promise<DeliberationCommentView | null> {
    const earlier = await this.dataSource.getRepository(DeliberationComment).findOneBy({ authorId: user.id, clientKey });
    if (!earlier) return null;
    if (earlier.deliberationId !== deliberationId || earlier.body !== input.body.trim()) throw DeliberationErrors.commentIdempotencyConflict();
    return (await this.views(user, [earlier], new Map()))[0];
  }

  async list(user: AuthUser | null, deliberationId: number, query: CommentListQueryDto): Promise<DeliberationPage<DeliberationCommentView>> {
    await this.deliberations.find(deliberationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const repo = this.dataSource.getRepository(DeliberationComment);
    const order = query.order === 'supported' ? { supportCount: 'DESC' as const, id: 'DESC' as const } : { id: 'DESC' as const };
    const [top, total] = await repo.findAndCount({ where: { deliberationId, parentId: IsNull() }, order, skip: (page - 1) * pageSize, take: pageSize });
    const replies = top.length ? await repo.find({ where: { parentId: In(top.map((c) => c.id)) }, order: { id: 'ASC' } }) : [];
    const byParent = new Map<number, DeliberationComment[]>();
    for (const reply of replies) byParent.set(reply.parentId!, [...(byParent.get(reply.parentId!) ?? []), reply]);
    return { items: await this.views(user, top, byParent), total, page, pageSize };
  }

  async support(user: AuthUser, commentId: number, on: boolean): Promise<DeliberationSupportView> {
    const comment = await this.find(commentId);
    const deliberation = await this.deliberations.find(comment.deliberationId);
    await this.access.assertInScope(user.id, deliberation.communityId, scopeOf(deliberation));
    await this.transactions.run(async (manager) => {
        const supports = manager.getRepository(DeliberationCommentSupport);
        if (on) {
          try {
            await supports.insert({ commentId, userId: user.id });
          } catch (error) {
            if (isUniqueViolation(error)) return;
            throw error;
          }
          await manager.getRepository(DeliberationComment).increment({ id: commentId }, 'supportCount', 1);
        } else {
          const removed = await supports.delete({ commentId, userId: user.id });
          if (removed.affected) await manager.getRepository(DeliberationComment).decrement({ id: commentId }, 'supportCount', 1);
        }
      });
    const fresh = await this.find(commentId);
    return { supportCount: fresh.supportCount, supportedByMe: on };
  }

  async report(user: AuthUser, commentId: number, reason: string): Promise<void> {
    await this.find(commentId);
    await this.transactions.run(async (manager) => {
        try {
          await manager.getRepository(DeliberationCommentReport).insert({ commentId, userId: user.id, reason: reason.trim() });
        } catch (error) {
          if (isUniqueViolation(error)) throw DeliberationErrors.alreadyReported();
          throw error;
        }
        await manager.getRepository(DeliberationComment).increment({ id: commentId }, 'reportCount', 1);
      });
  }

  async hide(user: AuthUser, commentId: number, reason: string): Promise<DeliberationCommentView> {
    const comment = await this.find(commentId);
    const deliberation = await this.deliberations.find(comment.deliberationId);
    await this.access.assertMay(user, 'deliberation.manage', deliberation.communityId);
    const note = reason.trim();
    // Hiding answers the reports on the comment: its open ones are handled with the same reason.
    await this.transactions.run(async (manager) => {
      await manager.getRepository(DeliberationComment).update({ id: commentId }, { hidden: true, hiddenReason: note, hiddenById: user.id, hiddenAt: new Date() });
      await this.reports.handleOpen(manager, commentId, user.id, 'hidden', note);
    });
    return (await this.views(user, [await this.find(commentId)], new Map()))[0];
  }

  private async find(id: number): Promise<DeliberationComment> {
    const comment = await this.dataSource.getRepository(DeliberationComment).findOneBy({ id });
    if (!comment) throw DeliberationErrors.commentNotFound();
    return comment;
  }

  private async views(
    user: AuthUser | null,
    top: DeliberationComment[],
    replies: Map<number, DeliberationComment[]>,
  ): Promise<DeliberationCommentView[]> {
    const all = [...top, ...[...replies.values()].flat()];
    if (all.length === 0) return [];
    const names = new Map(
      (await this.dataSource.getRepository(User).find({ where: { id: In([...new Set(all.map((c) => c.authorId))]) }, select: { id: true, name: true } })).map(
        (u) => [u.id, u.name],
      ),
    );
    const supported = user
      ? new Set(
          (await this.dataSource.getRepository(DeliberationCommentSupport).findBy({ userId: user.id, commentId: In(all.map((c) => c.id)) })).map(
            (s) => s.commentId,
          ),
        )
      : new Set<number>();
    const one = (c: DeliberationComment, nested: DeliberationCommentView[]) =>
      commentView(c, { authorName: names.get(c.authorId) ?? '', supportedByMe: supported.has(c.id), replies: nested });
    return top.map((c) => one(c, (replies.get(c.id) ?? []).map((r) => one(r, []))));
  }
}
