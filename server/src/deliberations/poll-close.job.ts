import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startPeriodicSweep } from '../common/periodic-sweep';
import { PollCloseService } from './poll-close.service';

/** How often every process looks for polls past their closing time. Reads also close a due poll at once. */
export const POLL_CLOSE_SWEEP_MS = 5_000;

const INTERVAL_NAME = 'poll-close-sweep';

/**
 * The close sweep. A plain timer rather than a cron module: it must run in every process (closing is
 * exactly-once by the conditional UPDATE, not by electing one process), and it must stop with the app.
 */
@Injectable()
export class PollCloseJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(PollCloseJob.name);

  constructor(
    private readonly close: PollCloseService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    startPeriodicSweep({
      name: INTERVAL_NAME,
      seconds: POLL_CLOSE_SWEEP_MS / 1000,
      scheduler: this.scheduler,
      logger: this.logger,
      failure: 'poll close sweep failed',
      ready: () => this.dataSource.isInitialized,
      work: async () => {
        await this.close.closeDue();
      },
    });
  }
}
