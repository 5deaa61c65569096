import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startPeriodicSweep } from '../common/periodic-sweep';
import { pollIdOfSubject, pollResultSubject } from '@linli/shared';
import { In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { Poll } from '../deliberations/entities/poll.entity';
import { SendReport, SubscriptionSender } from './subscription-sender.service';
import { templateIdFor } from './subscribe-templates';
import { WechatSubscription } from './wechat-subscription.entity';

const INTERVAL_NAME = 'wechat-subscription-sweep';
/** A vote's result is news for a day; credits of polls closed longer ago that were never released are dropped. */
const RESULT_NEWS_MS = 24 * 3600_000;
/** Waiting subjects looked at per sweep. */
const SUBJECT_BATCH = 500;
/** A claim is taken for interrupted once it is this many times the WeChat timeout old (and at least ten minutes). */
const INTERRUPTED_AFTER_TIMEOUTS = 10;
const MIN_INTERRUPTED_MS = 10 * 60_000;

export interface SubscriptionSweepReport extends SendReport {
  /** Credits of polls that closed without their credits being released (the closing process stopped). */
  released: number;
  /** Claims of a send that never finished, returned to due. */
  reclaimed: number;
}

/**
 * Every WECHAT_SEND_SWEEP_SECONDS, in every process: retries the sends that are due again (busy, rate-limited,
 * no answer), takes back claims of sends that never finished, and releases credits of polls that closed
 * while the closing process could not. Each credit is still claimed by its conditional UPDATE, so processes
 * sweeping at once send it once. Off, timer and all, when subscription messages are not configured.
 */
@Injectable()
export class SubscriptionSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(SubscriptionSweep.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    private readonly sender: SubscriptionSender,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  private get enabled(): boolean {
    return templateIdFor(this.config, 'poll_result') !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    startPeriodicSweep({
      name: INTERVAL_NAME,
      seconds: this.config.wechatSendSweepSeconds,
      scheduler: this.scheduler,
      logger: this.logger,
      failure: 'wechat subscription sweep failed',
      ready: () => this.transactions.dataSource.isInitialized,
      work: async () => {
        await this.sweepOnce(new Date());
      },
    });
  }

  /** One pass at `now`. Safe from several processes at once. */
  async sweepOnce(now: Date = new Date()): Promise<SubscriptionSweepReport> {
    if (!this.enabled) return { released: 0, reclaimed: 0, sent: 0, refused: 0, retrying: 0, failed: 0 };
    const interruptedMs = Math.max(MIN_INTERRUPTED_MS, INTERRUPTED_AFTER_TIMEOUTS * this.config.wechatTimeoutMs);
    const reclaimed = await this.sender.reclaimInterrupted(new Date(now.getTime() - interruptedMs), now);
    const released = await this.releaseClosedPolls(now);
    const sent = await this.sender.sendDue(now);
    return { ...sent, failed: sent.failed + reclaimed.failed, released, reclaimed: reclaimed.retrying };
  }

  /**
   * Credits still waiting for a poll that has closed: the close committed but its process stopped before it
   * released them, or the consent arrived just as the poll closed. Released if the result is still news.
   */
  private async releaseClosedPolls(now: Date): Promise<number> {
    const waiting = await this.transactions.dataSource
      .getRepository(WechatSubscription)
      .createQueryBuilder('s')
      .select('DISTINCT s.subject', 'subject')
      .where('s.template_key = :key AND s.status = :waiting', { key: 'poll_result', waiting: 'waiting' })
      .limit(SUBJECT_BATCH)
      .getRawMany<{ subject: string }>();
    const ids = waiting.map((row) => pollIdOfSubject(row.subject)).filter((id): id is number => id !== null);
    if (ids.length === 0) return 0;
    const closed = await this.transactions.dataSource.getRepository(Poll).find({ select: { id: true, closedAt: true }, where: { id: In(ids), status: 'closed' } });
    const stale = closed.filter((p) => !p.closedAt || now.getTime() - new Date(p.closedAt).getTime() > RESULT_NEWS_MS);
    await this.sender.expire('poll_result', stale.map((p) => pollResultSubject(p.id)), now);
    let released = 0;
    for (const poll of closed) if (!stale.includes(poll)) released += await this.sender.release('poll_result', pollResultSubject(poll.id), now);
    return released;
  }
}
