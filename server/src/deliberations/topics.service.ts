import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliberationPage, DeliberationSupportView, DeliberationTopicStatus, DeliberationTopicView } from '@linli/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUniqueViolation } from '../common/error-mapping';
import { ApiException } from '../common/api-exception';
import { MediaService } from '../media/media.service';
import { User } from '../users/user.entity';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationErrors } from './deliberation-errors';
import type { TopicInputDto, TopicListQueryDto, TopicReviewDto } from './dto/topic.dto';
import { Deliberation } from './entities/deliberation.entity';
import { DeliberationTopicReview } from './entities/topic-review.entity';
import { DeliberationTopicSupport } from './entities/topic-support.entity';
import { DeliberationTopic } from './entities/topic.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { topicView } from './views';

/**
 * Statuses anyone may read. Pending topics are also shown to the community's verified residents, who may
 * support them before review; rejected ones only to their proposer and the reviewers.
 */
const PUBLIC_STATUSES: DeliberationTopicStatus[] = ['approved', 'merged', 'deliberating'];

/** Proposing, supporting and reviewing topics (议题). */
@Injectable()
export class TopicsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DeliberationAccess,
    private readonly media: MediaService,
  ) {}

  async propose(user: AuthUser, communityId: number, input: TopicInputDto): Promise<DeliberationTopicView> {
    if (input.scope.kind === 'building' && !input.scope.building) throw DeliberationErrors.buildingRequired();
    await this.access.assertResident(user.id, communityId);
    const topic = await this.transactions.run(async (manager) => {
        const saved = await manager.getRepository(DeliberationTopic).save(
          manager.getRepository(DeliberationTopic).create({
            communityId,
            proposerId: user.id,
            title: input.title.trim(),
            body: input.body.trim(),
            photoIds: input.photoIds ?? [],
            scopeKind: input.scope.kind,
            scopeBuilding: input.scope.kind === 'building' ? input.scope.building!.trim() : null,
            status: 'pending',
            supportCount: 0,
            reviewReason: null,
            reviewedById: null,
            reviewedAt: null,
            mergedIntoTopicId: null,
          }),
        );
        if (saved.photoIds.length) await this.media.claimPhotos(user.id, saved.photoIds, 'generic', `deliberation_topic:${saved.id}`, manager);
        return saved;
      });
    return this.view(user, topic);
  }

  async list(user: AuthUser | null, communityId: number, query: TopicListQueryDto): Promise<DeliberationPage<DeliberationTopicView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(DeliberationTopic).createQueryBuilder('t').where('t.community_id = :communityId', { communityId });
    if (query.mine) {
      if (!user) throw new ApiException(401, 'unauthenticated', '请先登录');
      qb.andWhere('t.proposer_id = :userId', { userId: user.id });
      if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    } else if (query.status && !PUBLIC_STATUSES.includes(query.status)) {
      // Pending topics are open to the community's residents (to support them); rejected ones to reviewers.
      const reviewer = (await this.access.may(user, 'deliberation.review', communityId)) || (await this.access.may(user, 'deliberation.manage', communityId));
      const neighbour = query.status === 'pending' && user !== null && (await this.access.isResident(user.id, communityId));
      if (!reviewer && !neighbour) throw new ApiException(403, 'forbidden', '您没有权限查看这些议题');
      qb.andWhere('t.status = :status', { status: query.status });
    } else {
      qb.andWhere('t.status IN (:...statuses)', { statuses: query.status ? [query.status] : PUBLIC_STATUSES });
    }
    const [rows, total] = await qb
      .orderBy('t.support_count', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.views(user, rows), total, page, pageSize };
  }

  async get(user: AuthUser | null, id: number): Promise<DeliberationTopicView> {
    const topic = await this.findVisible(user, id);
    return this.view(user, topic);
  }

  async support(user: AuthUser, id: number, on: boolean): Promise<DeliberationSupportView> {
    const topic = await this.findVisible(user, id);
    if (topic.status !== 'approved' && topic.status !== 'deliberating' && topic.status !== 'pending') throw DeliberationErrors.topicNotSupportable();
    await this.access.assertResident(user.id, topic.communityId);
    await this.transactions.run(async (manager) => {
        const supports = manager.getRepository(DeliberationTopicSupport);
        if (on) {
          try {
            await supports.insert({ topicId: id, userId: user.id });
          } catch (error) {
            if (isUniqueViolation(error)) return; // already supporting: nothing changes
            throw error;
          }
          await manager.getRepository(DeliberationTopic).increment({ id }, 'supportCount', 1);
        } else {
          const removed = await supports.delete({ topicId: id, userId: user.id });
          if (removed.affected) await manager.getRepository(DeliberationTopic).decrement({ id }, 'supportCount', 1);
        }
      });
    const fresh = await this.dataSource.getRepository(DeliberationTopic).findOneByOrFail({ id });
    return { supportCount: fresh.supportCount, supportedByMe: on };
  }

  async review(user: AuthUser, id: number, input: TopicReviewDto): Promise<DeliberationTopicView> {
    const topic = await this.dataSource.getRepository(DeliberationTopic).findOneBy({ id });
    if (!topic) throw DeliberationErrors.topicNotFound();
    await this.access.assertMay(user, 'deliberation.review', topic.communityId);
    if (input.decision === 'reject' && !input.reason?.trim()) throw DeliberationErrors.rejectNeedsReason();
    if (input.decision === 'merge' && !input.mergeIntoTopicId) throw DeliberationErrors.mergeNeedsTarget();
    const reviewed = await this.transactions.run(async (manager) => {
        const repo = manager.getRepository(DeliberationTopic);
        if (input.decision === 'merge') {
          const target = await repo.findOneBy({ id: input.mergeIntoTopicId! });
          if (!target || target.id === id || target.communityId !== topic.communityId || !['approved', 'deliberating'].includes(target.status)) {
            throw DeliberationErrors.badMergeTarget();
          }
        }
        const status: DeliberationTopicStatus = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'merged';
        const now = new Date();
        // Conditional on pending, so two reviewers deciding at once cannot both win.
        const result = await repo.update(
          { id, status: 'pending' },
          {
            status,
            reviewReason: input.reason?.trim() || null,
            reviewedById: user.id,
            reviewedAt: now,
            mergedIntoTopicId: input.decision === 'merge' ? input.mergeIntoTopicId! : null,
          },
        );
        if (result.affected !== 1) throw DeliberationErrors.notReviewable();
        await manager.getRepository(DeliberationTopicReview).insert({
          topicId: id,
          reviewerId: user.id,
          decision: input.decision,
          reason: input.reason?.trim() || null,
          mergeIntoTopicId: input.decision === 'merge' ? input.mergeIntoTopicId! : null,
        });
        if (input.decision === 'merge') await this.moveSupports(manager, id, input.mergeIntoTopicId!);
        return repo.findOneByOrFail({ id });
      });
    return this.view(user, reviewed);
  }

  /** A merged topic's supporters now support the topic it was merged into (each person still once). */
  private async moveSupports(manager: EntityManager, fromId: number, toId: number): Promise<void> {
    const supports = manager.getRepository(DeliberationTopicSupport);
    const from = await supports.findBy({ topicId: fromId });
    const already = new Set((await supports.findBy({ topicId: toId })).map((s) => s.userId));
    const moving = from.filter((s) => !already.has(s.userId));
    if (moving.length) {
      await supports.insert(moving.map((s) => ({ topicId: toId, userId: s.userId })));
      await manager.getRepository(DeliberationTopic).increment({ id: toId }, 'supportCount', moving.length);
    }
  }

  /** The topic if the caller may read it; 404 otherwise (not 403, so hidden topics do not reveal they exist). */
  async findVisible(user: AuthUser | null, id: number): Promise<DeliberationTopic> {
    const topic = await this.dataSource.getRepository(DeliberationTopic).findOneBy({ id });
    if (!topic) throw DeliberationErrors.topicNotFound();
    if (PUBLIC_STATUSES.includes(topic.status)) return topic;
    if (user && topic.proposerId === user.id) return topic;
    if (topic.status === 'pending' && user && (await this.access.isResident(user.id, topic.communityId))) return topic;
    if (await this.access.may(user, 'deliberation.review', topic.communityId)) return topic;
    if (await this.access.may(user, 'deliberation.manage', topic.communityId)) return topic;
    throw DeliberationErrors.topicNotFound();
  }

  async view(user: AuthUser | null, topic: DeliberationTopic): Promise<DeliberationTopicView> {
    return (await this.views(user, [topic]))[0];
  }

  private async views(user: AuthUser | null, topics: DeliberationTopic[]): Promise<DeliberationTopicView[]> {
    if (topics.length === 0) return [];
    const ids = topics.map((t) => t.id);
    const names = new Map(
      (await this.dataSource.getRepository(User).find({ where: { id: In([...new Set(topics.map((t) => t.proposerId))]) }, select: { id: true, name: true } })).map(
        (u) => [u.id, u.name],
      ),
    );
    const supported = user
      ? new Set((await this.dataSource.getRepository(DeliberationTopicSupport).findBy({ userId: user.id, topicId: In(ids) })).map((s) => s.topicId))
      : new Set<number>();
    const deliberations = new Map(
      (await this.dataSource.getRepository(Deliberation).find({ where: { topicId: In(ids) }, select: { id: true, topicId: true } })).map((d) => [d.topicId, d.id]),
    );
    const reviewerOf = new Map<number, boolean>();
    for (const communityId of new Set(topics.map((t) => t.communityId))) {
      reviewerOf.set(communityId, await this.access.may(user, 'deliberation.review', communityId));
    }
    return topics.map((topic) =>
      topicView(topic, {
        proposerName: names.get(topic.proposerId) ?? '',
        supportedByMe: supported.has(topic.id),
        showReason: (user !== null && user.id === topic.proposerId) || reviewerOf.get(topic.communityId) === true,
        deliberationId: deliberations.get(topic.id) ?? null,
      }),
    );
  }
}
