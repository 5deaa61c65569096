/**
 * A second server process on the same database, configured for the same WeChat stand-in, that closes a poll
 * (and waits for its WeChat messages) or runs the subscription-message sweep when told to.
 */
import type { AppConfig } from '../../server/src/config/app-config';
import type { SubscriptionSweepReport } from '../../server/src/wechat/subscription-sweep.service';
import { SecondServer } from './support/second-server';

export class WechatSendingProcess {
  private constructor(private readonly server: SecondServer) {}

  static async start(databaseUrl: string, wechat: Partial<AppConfig>): Promise<WechatSendingProcess> {
    const commands = `(app, load) => {
      const closer = app.get(load('server/src/deliberations/poll-close.service.ts').PollCloseService);
      const results = app.get(load('server/src/wechat/poll-result-subscriptions.ts').PollResultSubscriptions);
      const sweep = app.get(load('server/src/wechat/subscription-sweep.service.ts').SubscriptionSweep);
      return {
        close: async (id) => {
          const closed = await closer.closePoll(Number(id));
          await results.idle();
          return closed;
        },
        sweep: (at) => sweep.sweepOnce(new Date(at)),
      };
    }`;
    return new WechatSendingProcess(await SecondServer.start({ ...wechat, databaseUrl, wechatSendSweepSeconds: 0 }, commands));
  }

  /** Closes the poll there and waits for its messages; true when that process closed it. */
  close(pollId: number): Promise<boolean> {
    return this.server.ask<boolean>('close', pollId);
  }

  sweep(at: Date): Promise<SubscriptionSweepReport> {
    return this.server.ask<SubscriptionSweepReport>('sweep', at.toISOString());
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
