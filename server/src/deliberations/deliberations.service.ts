import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliberationMinutesView, DeliberationPage, DeliberationView } from '@linli/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { MediaService } from '../media/media.service';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationErrors } from './deliberation-errors';
import type { DeliberationOpenDto, MinutesInputDto } from './dto/deliberation.dto';
import type { PageQueryDto } from './dto/topic.dto';
import { DeliberationComment } from './entities/comment.entity';
import { Deliberation } from './entities/deliberation.entity';
import { DeliberationMinutes } from './entities/minutes.entity';
import { Poll } from './entities/poll.entity';
import { DeliberationTopic } from './entities/topic.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { TopicsService } from './topics.service';
import { minutesView, pollSummary, scopeOf } from './views';

/** Deliberations (议事) on approved topics: opening one, reading it, attaching meeting minutes. */
@Injectable()
export class DeliberationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DeliberationAccess,
    private readonly topics: TopicsService,
    private readonly media: MediaService,
  ) {}

  async open(user: AuthUser, topicId: number, input: DeliberationOpenDto): Promise<DeliberationView> {
    const topic = await this.dataSource.getRepository(DeliberationTopic).findOneBy({ id: topicId });
    if (!topic) throw DeliberationErrors.topicNotFound();
    await this.access.assertMay(user, 'deliberation.manage', topic.communityId);
    const endsAt = new Date(input.discussionEndsAt);
    if (endsAt.getTime() <= Date.now()) throw DeliberationErrors.badTime('讨论截止时间必须晚于现在');
    const id = await this.transactions.run(async (manager) => {
        // Conditional on approved: opening twice, or on a topic someone just merged away, changes nothing.
        const moved = await manager.getRepository(DeliberationTopic).update({ id: topicId, status: 'approved' }, { status: 'deliberating' });
        if (moved.affected !== 1) throw DeliberationErrors.topicNotApproved();
        const saved = await manager.getRepository(Deliberation).save(
          manager.getRepository(Deliberation).create({
            topicId,
            communityId: topic.communityId,
            title: input.title?.trim() || topic.title,
            scopeKind: topic.scopeKind,
            scopeBuilding: topic.scopeBuilding,
            status: 'discussing',
            discussionEndsAt: endsAt,
            createdById: user.id,
          }),
        );
        return saved.id;
      });
    return this.get(user, id);
  }

  async list(user: AuthUser | null, communityId: number, query: PageQueryDto): Promise<DeliberationPage<DeliberationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource
      .getRepository(Deliberation)
      .findAndCount({ where: { communityId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    const items: DeliberationView[] = [];
    for (const row of rows) items.push(await this.view(user, row));
    return { items, total, page, pageSize };
  }

  async get(user: AuthUser | null, id: number): Promise<DeliberationView> {
    return this.view(user, await this.find(id));
  }

  async find(id: number): Promise<Deliberation> {
    const deliberation = await this.dataSource.getRepository(Deliberation).findOneBy({ id });
    if (!deliberation) throw DeliberationErrors.deliberationNotFound();
    return deliberation;
  }

  async addMinutes(user: AuthUser, id: number, input: MinutesInputDto): Promise<DeliberationMinutesView> {
    const deliberation = await this.find(id);
    await this.access.assertMay(user, 'deliberation.manage', deliberation.communityId);
    const saved = await this.transactions.run(async (manager) => {
        const minutes = await manager.getRepository(DeliberationMinutes).save(
          manager.getRepository(DeliberationMinutes).create({
            deliberationId: id,
            title: input.title.trim(),
            summary: input.summary.trim(),
            heldAt: new Date(input.heldAt),
            photoIds: input.photoIds ?? [],
            createdById: user.id,
          }),
        );
        if (minutes.photoIds.length) await this.media.claimPhotos(user.id, minutes.photoIds, 'generic', `deliberation_minutes:${minutes.id}`, manager);
        return minutes;
      });
    return minutesView(saved);
  }

  private async view(user: AuthUser | null, d: Deliberation): Promise<DeliberationView> {
    const now = new Date();
    const topic = await this.dataSource.getRepository(DeliberationTopic).findOneByOrFail({ id: d.topicId });
    const minutes = await this.dataSource.getRepository(DeliberationMinutes).find({ where: { deliberationId: d.id }, order: { heldAt: 'ASC', id: 'ASC' } });
    const polls = await this.dataSource.getRepository(Poll).find({
      where: { deliberationId: d.id },
      order: { id: 'ASC' },
      select: { id: true, title: true, type: true, status: true, opensAt: true, closesAt: true },
    });
    const commentCount = await this.dataSource.getRepository(DeliberationComment).countBy({ deliberationId: d.id });
    const phases = polls.map((p) => pollSummary(p as Poll, now));
    const status = phases.some((p) => p.status !== 'closed') ? 'voting' : phases.length ? 'concluded' : 'discussing';
    return {
      id: d.id,
      communityId: d.communityId,
      topicId: d.topicId,
      title: d.title,
      topic: await this.topics.view(user, topic),
      scope: scopeOf(d),
      status,
      discussionEndsAt: d.discussionEndsAt.toISOString(),
      discussionOpen: now.getTime() < d.discussionEndsAt.getTime(),
      commentCount,
      minutes: minutes.map(minutesView),
      polls: phases,
      createdAt: d.createdAt.toISOString(),
    };
  }
}
