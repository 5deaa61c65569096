import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PollCloseService } from './poll-close.service';

/** How often every process looks for polls past their closing time. Reads also close a due poll at once. */
export const POLL_CLOSE_SWEEP_MS = 5_000;

/**
 * The close sweep. A plain timer rather than a cron module: it must run in every process (closing is
 * exactly-once by the conditional UPDATE, not by electing one process), and it must stop with the app.
 */
@Injectable()
export class PollCloseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PollCloseJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly close: PollCloseService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), POLL_CLOSE_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sweep(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = true;
    try {
      await this.close.closeDue();
    } catch (error) {
      this.logger.error({ msg: 'poll close sweep failed', error: String(error) });
    } finally {
      this.running = false;
    }
  }
}
