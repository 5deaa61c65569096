import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadConfig } from '../config/load-config';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy';
import { TransactionRunner } from '../database/transaction-runner';
import { User } from '../users/user.entity';
import { PhotoProcessingGate } from './image/photo-processing-gate';
import { solidJpeg } from './image/test-images';
import { MediaFile } from './media-file.entity';
import { MediaService } from './media.service';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { UnclaimedMediaSweep } from './unclaimed-media-sweep.service';

const HOUR_MS = 3_600_000;

/** The sweep on a real SQLite schema (built by the real migrations) and a real temp directory. */
describe('UnclaimedMediaSweep', () => {
  let dataSource: DataSource;
  let root: string;
  let storage: LocalDiskStorage;
  let media: MediaService;
  let sweep: UnclaimedMediaSweep;
  let scheduler: SchedulerRegistry;
  let resident: User;
  const config = { mediaUnclaimedHours: 24, mediaSweepSeconds: 0 } as AppConfig;

  // Quiet output; the tests that look at the logs spy on the Logger instance methods, which still run.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'linli-media-sweep-'));
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [User, MediaFile],
      migrations: [Foundation1732000000000, Media1732000002000],
      migrationsRun: true,
      namingStrategy: new SnakeNamingStrategy(),
    });
    await dataSource.initialize();
    resident = await dataSource.getRepository(User).save({ name: '随手拍居民' });
    storage = new LocalDiskStorage(join(root, 'media'));
    const transactions = new TransactionRunner(dataSource);
    const mediaConfig = loadConfig({ NODE_ENV: 'test' });
    media = new MediaService(dataSource.getRepository(MediaFile), storage, transactions, new PhotoProcessingGate(mediaConfig), mediaConfig);
    scheduler = new SchedulerRegistry();
    sweep = new UnclaimedMediaSweep(transactions, storage, config, scheduler);
  });

  afterEach(async () => {
    for (const name of scheduler.getIntervals()) scheduler.deleteInterval(name);
    jest.restoreAllMocks();
    await dataSource.destroy();
    await rm(root, { recursive: true, force: true });
  });

  /** An upload made `hoursAgo` hours before now. */
  async function uploaded(hoursAgo: number): Promise<MediaFile> {
    const file = await media.uploadPhoto(resident.id, await solidJpeg(64, 48));
    await dataSource.getRepository(MediaFile).update(file.id, { createdAt: new Date(Date.now() - hoursAgo * HOUR_MS) });
    return file;
  }

  const rowExists = async (id: string) => (await dataSource.getRepository(MediaFile).countBy({ id })) === 1;
  const onDisk = async (file: MediaFile) => [await storage.exists(file.storageKey), await storage.exists(file.thumbKey)];

  it('deletes an upload nobody attached once it is older than the configured hours, with its photo and thumbnail', async () => {
    const old = await uploaded(25);
    const young = await uploaded(23);
    const attached = await uploaded(48);
    await media.claimPhotos(resident.id, [attached.id], 'case_before', 'case:5');

    const report = await sweep.sweepOnce();

    expect(report.removed).toEqual([old.id]);
    expect(report.bytes).toBe(old.bytes + old.thumbBytes);
    expect(await rowExists(old.id)).toBe(false);
    expect(await onDisk(old)).toEqual([false, false]);
    for (const kept of [young, attached]) {
      expect(await rowExists(kept.id)).toBe(true);
      expect(await onDisk(kept)).toEqual([true, true]);
    }
  });

  it('measures the age from the time it is given and from MEDIA_UNCLAIMED_HOURS', async () => {
    const file = await uploaded(0);
    expect((await sweep.sweepOnce(new Date(Date.now() + 23 * HOUR_MS))).removed).toEqual([]);
    expect((await sweep.sweepOnce(new Date(Date.now() + 25 * HOUR_MS))).removed).toEqual([file.id]);

    const quick = new UnclaimedMediaSweep(new TransactionRunner(dataSource), storage, { ...config, mediaUnclaimedHours: 2 } as AppConfig, scheduler);
    const other = await uploaded(3);
    expect((await quick.sweepOnce()).removed).toEqual([other.id]);
  });

  it('removes each upload once: a second sweep finds nothing left to do', async () => {
    const files = [await uploaded(30), await uploaded(40)];
    const remove = jest.spyOn(storage, 'delete');
    const [first, second] = await Promise.all([sweep.sweepOnce(), sweep.sweepOnce()]);
    expect([...first.removed, ...second.removed].sort()).toEqual(files.map((f) => f.id).sort());
    expect((await sweep.sweepOnce()).removed).toEqual([]);
    expect(remove.mock.calls.map(([key]) => key).sort()).toEqual(files.flatMap((f) => [f.storageKey, f.thumbKey]).sort());
  });

  it('takes a file already missing from the disk in its stride', async () => {
    const file = await uploaded(30);
    await unlink(join(root, 'media', file.storageKey));
    const report = await sweep.sweepOnce();
    expect(report.removed).toEqual([file.id]);
    expect(await rowExists(file.id)).toBe(false);
    expect(await onDisk(file)).toEqual([false, false]);
  });

  it('logs a file it cannot remove and goes on with the others', async () => {
    const stuck = await uploaded(40);
    const next = await uploaded(30);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const remove = storage.delete.bind(storage);
    jest.spyOn(storage, 'delete').mockImplementation(async (key) => {
      if (key === stuck.storageKey) throw new Error('EACCES: permission denied');
      return remove(key);
    });

    const report = await sweep.sweepOnce();

    expect(report.removed).toEqual([stuck.id, next.id]);
    expect(await rowExists(stuck.id)).toBe(false);
    expect(await onDisk(stuck)).toEqual([true, false]);
    expect(await onDisk(next)).toEqual([false, false]);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'could not remove stored media', key: stuck.storageKey }));
  });

  it('keeps a photo claimed after the sweep picked it and before it got to it', async () => {
    const first = await uploaded(40);
    const second = await uploaded(30);
    const remove = storage.delete.bind(storage);
    let claimed = false;
    jest.spyOn(storage, 'delete').mockImplementation(async (key) => {
      // The sweep has both photos in hand and is removing the first one's bytes: the resident submits the second now.
      if (!claimed) {
        claimed = true;
        await media.claimPhotos(resident.id, [second.id], 'case_before', 'case:8');
      }
      return remove(key);
    });

    const report = await sweep.sweepOnce();

    expect(report.removed).toEqual([first.id]);
    expect((await dataSource.getRepository(MediaFile).findOneByOrFail({ id: second.id })).attachedTo).toBe('case:8');
    expect(await onDisk(second)).toEqual([true, true]);
  });

  it('waits for a report’s transaction that is about to claim the photo instead of deleting inside it', async () => {
    const file = await uploaded(30);
    let open!: () => void;
    let submit!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const submitted = new Promise<void>((resolve) => (submit = resolve));
    // A report being written: its transaction is open, the photo not yet read or claimed.
    const report = new TransactionRunner(dataSource).run(async (manager) => {
      open();
      await submitted;
      return media.claimPhotos(resident.id, [file.id], 'case_before', 'case:11', manager);
    });
    await opened;
    const swept = sweep.sweepOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    submit();

    expect((await report).map((f) => f.id)).toEqual([file.id]);
    expect((await swept).removed).toEqual([]);
    expect((await dataSource.getRepository(MediaFile).findOneByOrFail({ id: file.id })).attachedTo).toBe('case:11');
    expect(await onDisk(file)).toEqual([true, true]);
  });

  it('leaves nothing for a report to claim once an upload was swept', async () => {
    const file = await uploaded(30);
    await sweep.sweepOnce();
    await expect(media.claimPhotos(resident.id, [file.id], 'case_before', 'case:9')).rejects.toMatchObject({ details: { invalidPhotoIds: [file.id] } });
  });

  it('logs how many uploads it swept and how many bytes that freed', async () => {
    const files = [await uploaded(30), await uploaded(31)];
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await sweep.sweepOnce();
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ msg: 'unclaimed media swept', count: 2, bytes: files.reduce((n, f) => n + f.bytes + f.thumbBytes, 0) }),
    );
    log.mockClear();
    await sweep.sweepOnce();
    expect(log).not.toHaveBeenCalled();
  });

  it('runs on a timer every MEDIA_SWEEP_SECONDS, and not at all when that is 0', () => {
    sweep.onApplicationBootstrap();
    expect(scheduler.getIntervals()).toEqual([]);

    new UnclaimedMediaSweep(new TransactionRunner(dataSource), storage, { ...config, mediaSweepSeconds: 600 } as AppConfig, scheduler).onApplicationBootstrap();
    expect(scheduler.getIntervals()).toEqual(['media-unclaimed-sweep']);
  });
});
