import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELIBERATION_BULLETIN_ROOM_KIND, DELIBERATION_LIVE_EVENTS, liveRoom, type DeliberationPollResult } from '@linli/shared';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { LivePublisher } from '../realtime/live-publisher';
import { BulletinService } from './bulletin.service';
import { Poll } from './entities/poll.entity';
import { countPollBallots } from './poll-count';
import { TransactionRunner } from '../database/transaction-runner';
import { PollResultSubscriptions } from '../wechat/poll-result-subscriptions';
import { ResidencyScope } from './residency-scope';
import { bulletinView, scopeOf } from './views';

/** `text` cut to `max` characters, with an ellipsis when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Closes polls whose time is up, each exactly once: the close is a conditional UPDATE from open to closed,
 * and only the caller whose UPDATE changed the row counts the ballots and posts the result — in the same
 * transaction, so a crash leaves the poll open for the next sweep rather than closed without a result, and
 * the same goes for the notifications to everyone in the vote's scope.
 * Any number of processes may sweep at once.
 */
@Injectable()
export class PollCloseService {
  private readonly logger = new Logger(PollCloseService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bulletin: BulletinService,
    private readonly live: LivePublisher,
    private readonly residency: ResidencyScope,
    private readonly notifications: NotificationsService,
    private readonly wechatResults: PollResultSubscriptions,
  ) {}

  /** Closes every poll past its closing time; returns how many this call closed. */
  async closeDue(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(Poll).find({ where: { status: 'open', closesAt: LessThanOrEqual(now) }, select: { id: true } });
    let closed = 0;
    for (const { id } of due) if (await this.closePoll(id, now)) closed++;
    return closed;
  }

  /** Closes one poll if it is due and still open; true when this call closed it. */
  async closePoll(id: number, now = new Date()): Promise<boolean> {
    const outcome = await this.transactions.run(async (manager) => {
        const won = await manager
          .createQueryBuilder()
          .update(Poll)
          .set({ status: 'closed', closedAt: now })
          .where('id = :id AND status = :open AND closes_at <= :now', { id, open: 'open', now })
          .execute();
        if (won.affected !== 1) return null;
        const poll = await manager.getRepository(Poll).findOneByOrFail({ id });
        const counted = await countPollBallots(manager, poll);
        const post = await this.bulletin.postPollResult(manager, poll, counted, now);
        const result: DeliberationPollResult = { ...counted, bulletinPostId: post.id };
        await manager.getRepository(Poll).update({ id }, { result });
        // Everyone the vote was for hears of its result, with the result itself: exactly once, like the post.
        const members = await this.residency.membersOf(manager, poll.communityId, scopeOf(poll));
        await this.notifications.deliver(manager, members, {
          kind: 'poll_result',
          subject: `poll:${poll.id}`,
          title: clip(`投票结果：${poll.title}`, 100),
          body: clip(result.summary, 255),
          link: `/pages/deliberations/poll/index?id=${poll.id}`,
        });
        return { poll, result, post };
      });
    if (!outcome) return false;
    const { poll, result, post } = outcome;
    this.logger.log({ msg: 'poll closed', pollId: id, ballots: poll.chainSeq, bulletinPostId: post.id });
    // After commit only: a client that misses these reads the same from the poll and the board.
    this.live.publish(liveRoom('poll', id), { seq: poll.chainSeq + 1, type: DELIBERATION_LIVE_EVENTS.pollClosed, data: result });
    this.live.publish(liveRoom(DELIBERATION_BULLETIN_ROOM_KIND, poll.communityId), {
      seq: post.id,
      type: DELIBERATION_LIVE_EVENTS.bulletinPosted,
      data: bulletinView(post),
    });
    // Residents who asked for it also get the result as a WeChat message; in the background, never undoing the close.
    this.wechatResults.pollClosed(id);
    return true;
  }
}
