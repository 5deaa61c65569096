import { Injectable, Logger } from '@nestjs/common';
import { pollIdOfSubject, type WechatTemplateKey } from '@linli/shared';
import { In, LessThan, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { Poll } from '../deliberations/entities/poll.entity';
import { User } from '../users/user.entity';
import { pollPagePath, pollResultData, type PollForMessage } from './poll-result-message';
import { MAX_SEND_ATTEMPTS, sendVerdict, wholeSecond } from './send-verdict';
import { SubscribeMessageClient, type SubscribeMessage } from './subscribe-message.client';
import { templateIdFor } from './subscribe-templates';
import { WechatSubscription } from './wechat-subscription.entity';

/** What one pass of sending did, by outcome. */
export interface SendReport {
  sent: number;
  refused: number;
  retrying: number;
  failed: number;
}

/** Credits looked at per pass, the longest-due first; the rest wait for the next one. */
const SEND_BATCH = 500;
/** Sends in flight at once from one process. */
const SEND_CONCURRENCY = 8;

type Candidate = Pick<WechatSubscription, 'id' | 'userId' | 'templateKey' | 'subject' | 'attempts'>;

/**
 * Spends credits: each due credit is claimed (due → sending, attempts + 1) by a conditional UPDATE in a write
 * transaction of its own before WeChat is called, so however many processes and passes race for it, one sends
 * it; the outcome is then recorded on the row only if that claim is still the current one. Nothing here runs
 * inside another feature's transaction.
 */
@Injectable()
export class SubscriptionSender {
  private readonly logger = new Logger(SubscriptionSender.name);
  private stopping = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    private readonly client: SubscribeMessageClient,
  ) {}

  /** The app is shutting down: sends under way finish, no new ones start (the credits stay due for the next start). */
  stop(): void {
    this.stopping = true;
  }

  /** The credits waiting for `subject`'s news become due now; returns how many. */
  async release(templateKey: WechatTemplateKey, subject: string, now: Date): Promise<number> {
    const result = await this.transactions.run((m) =>
      m.getRepository(WechatSubscription).update({ templateKey, subject, status: 'waiting' }, { status: 'due', nextAttemptAt: wholeSecond(now) }),
    );
    return result.affected ?? 0;
  }

  /** Credits of closed subjects that will never be sent now (too late to be news) end as failed. */
  async expire(templateKey: WechatTemplateKey, subjects: string[], now: Date): Promise<number> {
    if (subjects.length === 0) return 0;
    const result = await this.transactions.run((m) =>
      m
        .getRepository(WechatSubscription)
        .update({ templateKey, subject: In(subjects), status: 'waiting' }, { status: 'failed', finishedAt: now, lastError: 'expired' }),
    );
    return result.affected ?? 0;
  }

  /**
   * Claims by an earlier send that never finished (the process stopped mid-call) are returned to due, or failed
   * when they used their last attempt. `olderThan` must lie beyond the longest a send can take.
   */
  async reclaimInterrupted(olderThan: Date, now: Date): Promise<{ retrying: number; failed: number }> {
    return this.transactions.run(async (m) => {
      const repo = m.getRepository(WechatSubscription);
      const interrupted = { status: 'sending' as const, claimedAt: LessThan(olderThan) };
      const failed = await repo.update(
        { ...interrupted, attempts: MoreThanOrEqual(MAX_SEND_ATTEMPTS) },
        { status: 'failed', finishedAt: now, lastErrcode: null, lastError: 'interrupted' },
      );
      const retrying = await repo.update(interrupted, { status: 'due', nextAttemptAt: wholeSecond(now), lastErrcode: null, lastError: 'interrupted' });
      return { retrying: retrying.affected ?? 0, failed: failed.affected ?? 0 };
    });
  }

  /** Sends every credit due at `now` (only those about `only`, when given). Safe from several processes at once. */
  async sendDue(now: Date, only?: { templateKey: WechatTemplateKey; subject: string }): Promise<SendReport> {
    const report: SendReport = { sent: 0, refused: 0, retrying: 0, failed: 0 };
    const candidates: Candidate[] = await this.transactions.dataSource.getRepository(WechatSubscription).find({
      select: { id: true, userId: true, templateKey: true, subject: true, attempts: true },
      where: { status: 'due', nextAttemptAt: LessThanOrEqual(now), ...(only ?? {}) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: SEND_BATCH,
    });
    if (candidates.length === 0) return report;
    const [polls, openids] = await Promise.all([this.pollsFor(candidates), this.openidsOf(candidates)]);
    let next = 0;
    const worker = async () => {
      while (next < candidates.length && !this.stopping) {
        const candidate = candidates[next++];
        try {
          const outcome = await this.sendOne(candidate, openids.get(candidate.userId) ?? null, polls, now);
          if (outcome) report[outcome]++;
        } catch (error) {
          this.logger.error({ msg: 'wechat subscription send failed', id: candidate.id, error: String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, candidates.length) }, worker));
    if (report.sent + report.refused + report.retrying + report.failed > 0) this.logger.log({ msg: 'wechat subscription messages', ...report });
    return report;
  }

  /** Claims and sends one credit; the outcome, or null when another sender had it first. */
  private async sendOne(candidate: Candidate, openid: string | null, polls: Map<number, PollForMessage>, now: Date): Promise<keyof SendReport | null> {
    const templateId = templateIdFor(this.config, candidate.templateKey);
    const poll = polls.get(pollIdOfSubject(candidate.subject) ?? 0);
    // Nothing to send to, with, or about: no claim, no call; the credit ends here.
    const unsendable = !openid ? 'no_openid' : !templateId ? 'no_template' : !poll ? 'no_subject' : null;
    if (unsendable) return (await this.settleUnclaimed(candidate, unsendable, now)) ? 'failed' : null;

    const attempt = candidate.attempts + 1;
    if (!(await this.claim(candidate, now))) return null;
    const message: SubscribeMessage = {
      touser: openid!,
      template_id: templateId!,
      page: pollPagePath(poll!.id),
      miniprogram_state: this.config.wechatMiniprogramState,
      lang: 'zh_CN',
      data: pollResultData(poll!, this.config.wechatPollResultFields),
    };
    const verdict = sendVerdict(await this.client.send(message), attempt, now);
    const done = new Date();
    const changes: Partial<WechatSubscription> =
      verdict.status === 'sent'
        ? { status: 'sent', finishedAt: done, lastErrcode: 0, lastError: null }
        : verdict.status === 'due'
          ? { status: 'due', nextAttemptAt: verdict.retryAt, lastErrcode: verdict.errcode, lastError: verdict.detail }
          : { status: verdict.status, finishedAt: done, lastErrcode: verdict.errcode, lastError: verdict.detail };
    await this.transactions.run((m) => m.getRepository(WechatSubscription).update({ id: candidate.id, status: 'sending', attempts: attempt }, changes));
    return verdict.status === 'due' ? 'retrying' : verdict.status;
  }

  /** due → sending for the claimant only: still due, still at the attempt count it was read with. */
  private async claim(candidate: Candidate, now: Date): Promise<boolean> {
    const result = await this.transactions.run((m) =>
      m
        .createQueryBuilder()
        .update(WechatSubscription)
        .set({ status: 'sending', attempts: () => 'attempts + 1', claimedAt: now })
        .where('id = :id AND status = :due AND attempts = :attempts AND next_attempt_at <= :now', { id: candidate.id, due: 'due', attempts: candidate.attempts, now })
        .execute(),
    );
    return result.affected === 1;
  }

  private async settleUnclaimed(candidate: Candidate, reason: string, now: Date): Promise<boolean> {
    const result = await this.transactions.run((m) =>
      m
        .getRepository(WechatSubscription)
        .update({ id: candidate.id, status: 'due', attempts: candidate.attempts }, { status: 'failed', finishedAt: now, lastErrcode: null, lastError: reason }),
    );
    return result.affected === 1;
  }

  /** The WeChat openid of each candidate's person (those who never signed in through WeChat have none). */
  private async openidsOf(candidates: Candidate[]): Promise<Map<number, string | null>> {
    const rows = await this.transactions.dataSource.getRepository(User).find({
      select: { id: true, openid: true },
      where: { id: In([...new Set(candidates.map((c) => c.userId))]) },
    });
    return new Map(rows.map((row) => [row.id, row.openid]));
  }

  /** The closed polls the candidates are about, read once per pass. */
  private async pollsFor(candidates: Candidate[]): Promise<Map<number, PollForMessage>> {
    const ids = [...new Set(candidates.map((c) => pollIdOfSubject(c.subject)).filter((id): id is number => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = await this.transactions.dataSource.getRepository(Poll).find({
      select: { id: true, title: true, options: true, result: true, closedAt: true },
      where: { id: In(ids), status: 'closed' },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
