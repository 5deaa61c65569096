import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliberationBulletinPage, DeliberationBulletinPostView, DeliberationPollResult } from '@linli/shared';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { DeliberationErrors } from './deliberation-errors';
import type { PageQueryDto } from './dto/topic.dto';
import { BulletinPost } from './entities/bulletin-post.entity';
import type { Poll } from './entities/poll.entity';
import { bulletinView } from './views';

/** The community bulletin board (公告栏): public notices, newest first. */
@Injectable()
export class BulletinService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(communityId: number, query: PageQueryDto): Promise<DeliberationBulletinPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource
      .getRepository(BulletinPost)
      .findAndCount({ where: { communityId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: rows.map(bulletinView), total, page, pageSize };
  }

  async get(id: number): Promise<DeliberationBulletinPostView> {
    const post = await this.dataSource.getRepository(BulletinPost).findOneBy({ id });
    if (!post) throw DeliberationErrors.bulletinNotFound();
    return bulletinView(post);
  }

  /** Posts newer than `afterId` for live catch-up, oldest first. */
  async since(communityId: number, afterId: number, limit: number): Promise<BulletinPost[]> {
    return this.dataSource.getRepository(BulletinPost).find({ where: { communityId, id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }

  /**
   * Posts a closed poll's result inside the closing transaction. The source key is unique, so even a
   * second closer that got this far could not post it twice.
   */
  async postPollResult(manager: EntityManager, poll: Poll, result: Omit<DeliberationPollResult, 'bulletinPostId'>, at: Date): Promise<BulletinPost> {
    const repo = manager.getRepository(BulletinPost);
    const chain = `本次投票共接受选票 ${result.chainCount} 张，选票链末端哈希 ${result.chainHead}。任何人都可以下载匿名选票重新核算，投票人可用回执核对自己的选票。`;
    return repo.save(
      repo.create({
        communityId: poll.communityId,
        kind: 'poll_result',
        title: `投票结果公示：${poll.title}`.slice(0, 100),
        body: `${result.summary}\n\n${chain}`,
        data: { pollId: poll.id, deliberationId: poll.deliberationId, result },
        sourceKey: `poll-result:${poll.id}`,
        publishedAt: at,
      }),
    );
  }
}
