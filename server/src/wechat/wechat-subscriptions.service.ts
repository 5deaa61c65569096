import { Injectable } from '@nestjs/common';
import { pollIdOfSubject, type WechatSubscriptionInput, type WechatSubscriptionView } from '@linli/shared';
import { AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../common/error-mapping';
import { insertRow } from '../database/fixed-sql';
import { TransactionRunner } from '../database/transaction-runner';
import { Poll } from '../deliberations/entities/poll.entity';
import { templateIdFor } from './subscribe-templates';
import { WechatErrors } from './wechat-errors';
import { WechatSubscription } from './wechat-subscription.entity';

/**
 * Records a resident's consent to one subscription message: one credit per person, template and subject,
 * however often the mini-program repeats the request.
 */
@Injectable()
export class WechatSubscriptionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  /** The credit for the person, template and subject; `created` false when it was there already. */
  async record(userId: number, input: WechatSubscriptionInput): Promise<{ created: boolean; view: WechatSubscriptionView }> {
    if (!templateIdFor(this.config, input.templateKey)) throw WechatErrors.unavailable();
    const key = { userId, templateKey: input.templateKey, subject: input.subject };
    const repo = this.transactions.dataSource.getRepository(WechatSubscription);
    const existing = await repo.findOneBy(key);
    if (existing) return { created: false, view: subscriptionView(existing) };

    const poll = await this.transactions.dataSource.getRepository(Poll).findOne({ select: { id: true, status: true }, where: { id: pollIdOfSubject(input.subject) ?? 0 } });
    if (!poll) throw WechatErrors.pollNotFound();
    // Too late to wait for a result that is out; one arriving as the poll closes is caught by the sweep.
    if (poll.status === 'closed') throw WechatErrors.pollClosed();
    let created = true;
    try {
      await this.transactions.run((m) => insertRow(m, WechatSubscription, { ...key, status: 'waiting' }));
    } catch (error) {
      // The same consent sent twice at once: the other request recorded it.
      if (!isUniqueViolation(error)) throw error;
      created = false;
    }
    return { created, view: subscriptionView(await repo.findOneByOrFail(key)) };
  }
}

export function subscriptionView(row: WechatSubscription): WechatSubscriptionView {
  return { templateKey: row.templateKey, subject: row.subject, status: row.status, createdAt: new Date(row.createdAt).toISOString() };
}
