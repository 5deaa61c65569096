import type { UploadedPhoto } from '@linli/shared';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { In } from 'typeorm';
import { TransactionRunner } from '../../server/src/database/transaction-runner';
import { MediaFile } from '../../server/src/media/media-file.entity';
import { MediaService } from '../../server/src/media/media.service';
import { STORAGE_DRIVER, StorageDriver } from '../../server/src/media/storage/storage-driver';
import { UnclaimedMediaSweep } from '../../server/src/media/unclaimed-media-sweep.service';
import { MediaSweepingProcess } from './media-sweep-process';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR_MS = 3_600_000;
const isMysql = () => Boolean(process.env.DATABASE_URL && /^(mysql|mariadb):/.test(process.env.DATABASE_URL));

/** A resident who uploads photos through the API; each can be aged as if it had been uploaded hours ago. */
async function uploader(t: TestApp) {
  const resident = await createUser(t.dataSource, { name: '随手拍居民' });
  const token = await t.tokenFor(resident.id);
  let shade = 0;
  return {
    id: resident.id,
    async upload(hoursAgo = 0): Promise<MediaFile> {
      shade = (shade + 37) % 256;
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 90, b: 120 } } }).jpeg().toBuffer();
      const res = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', jpeg, 'photo.jpg');
      expect(res.status).toBe(201);
      const id = (res.body as UploadedPhoto).id;
      if (hoursAgo > 0) await t.dataSource.getRepository(MediaFile).update(id, { createdAt: new Date(Date.now() - hoursAgo * HOUR_MS) });
      return t.dataSource.getRepository(MediaFile).findOneByOrFail({ id });
    },
  };
}

describe('sweep of uploads nobody attached', () => {
  let t: TestApp;
  let mediaDir: string;
  let sweep: UnclaimedMediaSweep;
  let media: MediaService;
  let resident: Awaited<ReturnType<typeof uploader>>;

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'linli-media-sweep-'));
    t = await startTestApp({ mediaDir, redisUrl: undefined }, { seed: false });
    sweep = t.app.get(UnclaimedMediaSweep);
    media = t.app.get(MediaService);
    resident = await uploader(t);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  afterEach(() => jest.restoreAllMocks());

  const onDisk = (file: MediaFile) => [existsSync(join(mediaDir, file.storageKey)), existsSync(join(mediaDir, file.thumbKey))];
  const row = (id: string) => t.dataSource.getRepository(MediaFile).findOneBy({ id });

  it('deletes uploads left unattached for a day, row and bytes, and keeps attached and recent ones', async () => {
    const abandoned = [await resident.upload(25), await resident.upload(72)];
    const recent = await resident.upload(23);
    const reported = await resident.upload(48);
    await media.claimPhotos(resident.id, [reported.id], 'case_before', 'case:101');
    for (const file of [...abandoned, recent, reported]) expect(onDisk(file)).toEqual([true, true]);

    const report = await sweep.sweepOnce();

    expect(report.removed.sort()).toEqual(abandoned.map((f) => f.id).sort());
    for (const file of abandoned) {
      expect(await row(file.id)).toBeNull();
      expect(onDisk(file)).toEqual([false, false]);
      expect((await t.request.get(`/api/media/${file.id}`)).status).toBe(404);
      expect((await t.request.get(`/api/media/${file.id}/thumb`)).status).toBe(404);
    }
    for (const file of [recent, reported]) {
      expect(await row(file.id)).not.toBeNull();
      expect(onDisk(file)).toEqual([true, true]);
      expect((await t.request.get(`/api/media/${file.id}`)).status).toBe(200);
    }
  });

  it('keeps a photo whose report is being written when the sweep reaches it', async () => {
    const photo = await resident.upload(30);
    let claimed!: () => void;
    let commit!: () => void;
    const holding = new Promise<void>((resolve) => (claimed = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    // The report's transaction has claimed the photo (on MariaDB: holds its row lock) and has not committed yet.
    const report = t.app.get(TransactionRunner).run(async (manager) => {
      const files = await media.claimPhotos(resident.id, [photo.id], 'case_before', 'case:202', manager);
      claimed();
      await committing;
      return files;
    });
    await holding;
    const swept = sweep.sweepOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();

    expect((await report).map((f) => f.id)).toEqual([photo.id]);
    expect((await swept).removed).not.toContain(photo.id);
    expect((await row(photo.id))?.attachedTo).toBe('case:202');
    expect(onDisk(photo)).toEqual([true, true]);
  });

  it('keeps a photo claimed after the sweep picked it and before it got to it', async () => {
    const first = await resident.upload(50);
    const second = await resident.upload(40);
    const storage = t.app.get<StorageDriver>(STORAGE_DRIVER);
    const remove = storage.delete.bind(storage);
    let submitted = false;
    jest.spyOn(storage, 'delete').mockImplementation(async (key) => {
      // The sweep holds both photos as candidates and is removing the first one's bytes: the second is submitted now.
      if (!submitted) {
        submitted = true;
        await media.claimPhotos(resident.id, [second.id], 'case_before', 'case:303');
      }
      return remove(key);
    });

    const report = await sweep.sweepOnce();

    expect(report.removed).toContain(first.id);
    expect(report.removed).not.toContain(second.id);
    expect((await row(second.id))?.attachedTo).toBe('case:303');
    expect(onDisk(second)).toEqual([true, true]);
  });

  it('refuses a report that brings a photo already swept, and the resident is told to upload again', async () => {
    const photo = await resident.upload(30);
    await sweep.sweepOnce();
    await expect(media.claimPhotos(resident.id, [photo.id], 'case_before', 'case:404')).rejects.toMatchObject({
      code: 'invalid_photo_claim',
      details: { invalidPhotoIds: [photo.id] },
    });
  });
});

describe('the upload sweep on its timer', () => {
  let t: TestApp;
  let mediaDir: string;
  afterAll(async () => {
    await t?.close();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it('runs by itself every MEDIA_SWEEP_SECONDS when configured', async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'linli-media-timer-'));
    t = await startTestApp({ mediaDir, redisUrl: undefined, mediaSweepSeconds: 1, mediaUnclaimedHours: 2 }, { seed: false });
    const resident = await uploader(t);
    const stale = await resident.upload(3);
    const fresh = await resident.upload(1);
    // The sweep deletes the row (its commit decides), then the file: wait for both.
    let rowGone = false;
    let fileGone = false;
    for (let i = 0; i < 40 && !(rowGone && fileGone); i++) {
      await new Promise((r) => setTimeout(r, 100));
      rowGone = (await t.dataSource.getRepository(MediaFile).countBy({ id: stale.id })) === 0;
      fileGone = !existsSync(join(mediaDir, stale.storageKey));
    }
    expect(rowGone).toBe(true);
    expect(fileGone).toBe(true);
    expect(await t.dataSource.getRepository(MediaFile).countBy({ id: fresh.id })).toBe(1);
  }, 30_000);
});

describe('sweeping uploads from two server processes at once', () => {
  let dir: string;
  let mediaDir: string;
  let t: TestApp;
  let second: MediaSweepingProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-media-two-'));
    mediaDir = join(dir, 'media');
    const sqliteUrl = `sqlite:${join(dir, 'shared.sqlite')}`;
    t = await startTestApp(isMysql() ? { mediaDir, redisUrl: undefined } : { mediaDir, redisUrl: undefined, databaseUrl: sqliteUrl }, { seed: false });
    const url = isMysql() ? String((t.dataSource.options as { url?: string }).url) : sqliteUrl;
    second = await MediaSweepingProcess.start({ databaseUrl: url, mediaDir });
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('deletes each abandoned upload and each of its files exactly once, however many sweeps race', async () => {
    const resident = await uploader(t);
    const abandoned: MediaFile[] = [];
    for (let i = 0; i < 12; i++) abandoned.push(await resident.upload(30 + i));
    const recent = await resident.upload(2);
    const reported = await resident.upload(60);
    await t.app.get(MediaService).claimPhotos(resident.id, [reported.id], 'case_after', 'case:505');

    const storage = t.app.get<StorageDriver>(STORAGE_DRIVER);
    const deletedHere = jest.spyOn(storage, 'delete');
    const here = t.app.get(UnclaimedMediaSweep);
    const removed: string[] = [];
    const deletedThere: string[] = [];
    for (let round = 0; round < 3; round++) {
      const at = new Date(Date.now() + round * 1000);
      const [a, b, c] = await Promise.all([here.sweepOnce(at), second.sweep(at), here.sweepOnce(at)]);
      removed.push(...a.removed, ...b.removed, ...c.removed);
      deletedThere.push(...b.deletedKeys);
    }

    // The sweeps agree: exactly one of them removed each upload, and only the abandoned ones.
    expect(removed.sort()).toEqual(abandoned.map((f) => f.id).sort());
    const deletedKeys = [...deletedHere.mock.calls.map(([key]) => key), ...deletedThere];
    expect(deletedKeys.sort()).toEqual(abandoned.flatMap((f) => [f.storageKey, f.thumbKey]).sort());
    expect(await t.dataSource.getRepository(MediaFile).countBy({ id: In(abandoned.map((f) => f.id)) })).toBe(0);
    for (const file of abandoned) {
      expect(existsSync(join(mediaDir, file.storageKey))).toBe(false);
      expect(existsSync(join(mediaDir, file.thumbKey))).toBe(false);
    }
    for (const file of [recent, reported]) {
      expect(await t.dataSource.getRepository(MediaFile).countBy({ id: file.id })).toBe(1);
      expect(existsSync(join(mediaDir, file.storageKey))).toBe(true);
    }
  }, 60_000);
});
