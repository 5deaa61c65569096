import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { pollResultSubject } from '@linli/shared';
import { AppConfig } from '../config/app-config';
import { SubscriptionSender } from './subscription-sender.service';
import { templateIdFor } from './subscribe-templates';

/**
 * Sends a closed vote's result to everyone holding a credit for it: called by the close after its transaction
 * committed, and returns at once — the close never waits for WeChat, and a failure here never undoes it.
 * Whatever is left (a slow WeChat, a crash before the sends) is picked up by the sweep.
 */
@Injectable()
export class PollResultSubscriptions implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PollResultSubscriptions.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly config: AppConfig,
    private readonly sender: SubscriptionSender,
  ) {}

  /** The poll `pollId` has just closed (committed): its result goes out in the background. */
  pollClosed(pollId: number): void {
    if (!templateIdFor(this.config, 'poll_result')) return;
    const work = this.deliver(pollId).catch((error) => {
      this.logger.error({ msg: 'wechat poll result delivery failed', pollId, error: String(error) });
    });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves once every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Lets the sends under way record their outcome before the database connection closes; starts no more. */
  beforeApplicationShutdown(): Promise<void> {
    this.sender.stop();
    return this.idle();
  }

  private async deliver(pollId: number): Promise<void> {
    const subject = pollResultSubject(pollId);
    const now = new Date();
    if ((await this.sender.release('poll_result', subject, now)) === 0) return;
    await this.sender.sendDue(now, { templateKey: 'poll_result', subject });
  }
}
