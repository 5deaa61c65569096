import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startPeriodicSweep } from '../common/periodic-sweep';
import { IsNull, LessThan } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { MediaFile } from './media-file.entity';
import { STORAGE_DRIVER, StorageDriver } from './storage/storage-driver';

/** What one sweep removed: the photos whose row it deleted, and the bytes (photo + thumbnail) that freed. */
export interface MediaSweepReport {
  removed: string[];
  bytes: number;
}

/** Uploads looked at per sweep, oldest first; the rest wait for the next one. */
const SWEEP_BATCH = 500;
const HOUR_MS = 60 * 60 * 1000;
const INTERVAL_NAME = 'media-unclaimed-sweep';

type Candidate = Pick<MediaFile, 'id' | 'storageKey' | 'thumbKey' | 'bytes' | 'thumbBytes'>;

/**
 * Deletes uploads that nothing claimed (the resident gave up, the app crashed, a retry made a second copy)
 * once they are MEDIA_UNCLAIMED_HOURS old: the row, then the photo and its thumbnail.
 *
 * Every server process runs it. Each photo is claimed by a conditional DELETE (still unattached, still old
 * enough) in a write transaction of its own, so two sweeps remove it once, and a claimPhotos that attached it
 * first (its UPDATE is conditional on attached_to IS NULL too) keeps it: whichever commits first wins, the
 * other changes nothing. The bytes go only after that DELETE committed, so a crash in between leaves orphan
 * bytes, never a row pointing at nothing.
 */
@Injectable()
export class UnclaimedMediaSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnclaimedMediaSweep.name);

  constructor(
    private readonly transactions: TransactionRunner,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    startPeriodicSweep({
      name: INTERVAL_NAME,
      seconds: this.config.mediaSweepSeconds,
      scheduler: this.scheduler,
      logger: this.logger,
      failure: 'unclaimed media sweep failed',
      ready: () => this.transactions.dataSource.isInitialized,
      work: async () => {
        await this.sweepOnce(new Date());
      },
    });
  }

  /** One pass over the uploads unattached and older than the configured age at `now`. Safe from several processes at once. */
  async sweepOnce(now: Date = new Date()): Promise<MediaSweepReport> {
    const report: MediaSweepReport = { removed: [], bytes: 0 };
    const olderThan = new Date(now.getTime() - this.config.mediaUnclaimedHours * HOUR_MS);
    for (const file of await this.candidates(olderThan)) {
      let claimed: boolean;
      try {
        claimed = await this.claim(file.id, olderThan);
      } catch (error) {
        this.logger.error({ msg: 'could not sweep unclaimed media', id: file.id, error: String(error) });
        continue;
      }
      if (!claimed) continue;
      await this.removeStored(file);
      report.removed.push(file.id);
      report.bytes += file.bytes + file.thumbBytes;
    }
    if (report.removed.length > 0) {
      this.logger.log({ msg: 'unclaimed media swept', count: report.removed.length, bytes: report.bytes, olderThan: olderThan.toISOString() });
    }
    return report;
  }

  /** A plain read: it only proposes; the conditional DELETE in claim() decides. */
  private candidates(olderThan: Date): Promise<Candidate[]> {
    return this.transactions.dataSource.getRepository(MediaFile).find({
      select: { id: true, storageKey: true, thumbKey: true, bytes: true, thumbBytes: true },
      where: { attachedTo: IsNull(), createdAt: LessThan(olderThan) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: SWEEP_BATCH,
    });
  }

  /**
   * Deletes the row if it is still unattached and old enough; true when this call deleted it. Through the
   * transaction runner even though it is one statement: on SQLite the connection is shared, and a bare DELETE
   * could land inside a claimPhotos transaction that is still open and be rolled back with it.
   */
  private async claim(id: string, olderThan: Date): Promise<boolean> {
    const result = await this.transactions.run((m) => m.getRepository(MediaFile).delete({ id, attachedTo: IsNull(), createdAt: LessThan(olderThan) }));
    return result.affected === 1;
  }

  /** The row is gone for good: a file that cannot be removed now is only logged (a missing one is no error). */
  private async removeStored(file: Candidate): Promise<void> {
    for (const key of [file.storageKey, file.thumbKey]) {
      try {
        await this.storage.delete(key);
      } catch (error) {
        this.logger.warn({ msg: 'could not remove stored media', id: file.id, key, error: String(error) });
      }
    }
  }
}
