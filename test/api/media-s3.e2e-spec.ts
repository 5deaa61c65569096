import type { UploadedPhoto } from '@linli/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import supertest from 'supertest';
import { In } from 'typeorm';
import { MediaFile } from '../../server/src/media/media-file.entity';
import { S3Storage, type S3StorageOptions } from '../../server/src/media/storage/s3-storage';
import { UnsafeStorageKeyError } from '../../server/src/media/storage/storage-key';
import { StorageUnavailableError } from '../../server/src/media/storage/storage-unavailable';
import { UnclaimedMediaSweep } from '../../server/src/media/unclaimed-media-sweep.service';
import { MediaSweepingProcess } from './media-sweep-process';
import { createUser } from './support/factories';
import { S3StandIn, SilentBucket, type S3Settings } from './support/s3-stand-in';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR_MS = 3_600_000;
const isMysql = () => Boolean(process.env.DATABASE_URL && /^(mysql|mariadb):/.test(process.env.DATABASE_URL));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let shade = 0;
/** A different small JPEG each time, so every upload is its own photo. */
function jpeg(width = 640, height = 480): Promise<Buffer> {
  shade = (shade + 41) % 256;
  return sharp({ create: { width, height, channels: 3, background: { r: shade, g: 120, b: 80 } } }).jpeg().toBuffer();
}

function driverOptions(settings: S3Settings, timeoutMs = 5000): S3StorageOptions {
  return {
    endpoint: settings.s3Endpoint,
    bucket: settings.s3Bucket ?? '',
    region: 'us-east-1',
    accessKeyId: settings.s3AccessKeyId ?? '',
    secretAccessKey: settings.s3SecretAccessKey ?? '',
    forcePathStyle: settings.s3ForcePathStyle,
    timeoutMs,
  };
}

const driverFor = (settings: S3Settings, timeoutMs?: number) => new S3Storage(driverOptions(settings, timeoutMs));

describe('S3Storage against a local S3-compatible server', () => {
  let bucket: S3StandIn;
  let storage: S3Storage;

  beforeAll(async () => {
    bucket = await S3StandIn.start();
    storage = driverFor(bucket.settings);
  });

  afterAll(async () => {
    storage?.onModuleDestroy();
    await bucket?.stop();
  });

  it('stores bytes under a nested key and reads them back with their length', async () => {
    const data = Buffer.from('photo bytes');
    await storage.put('photos/2024/11/abc.jpg', data, 'image/jpeg');
    expect(await bucket.keys()).toContain('photos/2024/11/abc.jpg');
    const object = await storage.get('photos/2024/11/abc.jpg');
    expect(object?.bytes).toBe(data.length);
    expect(await readAll(object!.body)).toEqual(data);
    expect(await storage.exists('photos/2024/11/abc.jpg')).toBe(true);
  });

  it('answers null and false for a missing object, and deleting one twice is no error', async () => {
    await storage.put('thumbs/2024/11/gone.jpg', Buffer.from('x'), 'image/jpeg');
    await storage.delete('thumbs/2024/11/gone.jpg');
    await storage.delete('thumbs/2024/11/gone.jpg');
    expect(await storage.get('thumbs/2024/11/gone.jpg')).toBeNull();
    expect(await storage.exists('thumbs/2024/11/gone.jpg')).toBe(false);
    expect(await bucket.keys()).not.toContain('thumbs/2024/11/gone.jpg');
  });

  it('refuses keys that could name something outside the photo folders', async () => {
    await expect(storage.put('../secrets', Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(storage.get('photos/../../x')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
  });

  it('fails with StorageUnavailableError, not a hang, when the bucket refuses the key', async () => {
    const wrongKeys = new S3Storage({ ...driverOptions(bucket.settings), accessKeyId: 'NOT-A-KEY' });
    await expect(wrongKeys.put('photos/2024/11/denied.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(StorageUnavailableError);
    wrongKeys.onModuleDestroy();
  });

  it('gives up on a bucket that never answers after its timeout, for every call', async () => {
    const silent = await SilentBucket.start();
    const stuck = driverFor(silent.settings, 300);
    try {
      await expect(stuck.put('photos/2024/11/a.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(stuck.get('photos/2024/11/a.jpg')).rejects.toThrow(/no answer within 300 ms/);
      await expect(stuck.exists('photos/2024/11/a.jpg')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(stuck.delete('photos/2024/11/a.jpg')).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(silent.connections).toBeGreaterThan(0);
    } finally {
      stuck.onModuleDestroy();
      await silent.stop();
    }
  });
});

describe('photos in an S3-compatible bucket (MEDIA_STORAGE=s3)', () => {
  let bucket: S3StandIn;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    bucket = await S3StandIn.start();
    t = await startTestApp({ ...bucket.settings, mediaDir: '/nonexistent-media-dir', redisUrl: undefined }, { seed: false });
    token = await t.tokenFor((await createUser(t.dataSource, { name: '随手拍居民' })).id);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    await bucket?.stop();
  });

  it('stores the cleaned photo and its thumbnail in the bucket and serves both from there, with 304 on a repeat', async () => {
    const res = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await jpeg(3200, 2400), 'a.jpg');
    expect(res.status).toBe(201);
    const photo = res.body as UploadedPhoto;
    const row = await t.dataSource.getRepository(MediaFile).findOneByOrFail({ id: photo.id });
    expect(await bucket.keys()).toEqual(expect.arrayContaining([row.storageKey, row.thumbKey]));

    const served = await t.request.get(photo.url).buffer(true);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Number(served.headers['content-length'])).toBe(photo.bytes);
    expect((await sharp(served.body as Buffer).metadata()).width).toBe(2560);
    const thumb = await t.request.get(photo.thumbUrl);
    expect(thumb.status).toBe(200);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(400);
    expect((await t.request.get(photo.url).set('If-None-Match', served.headers.etag)).status).toBe(304);
  });

  it('answers 404 when the row is there but the bucket lost the object', async () => {
    const res = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await jpeg(), 'b.jpg').expect(201);
    const row = await t.dataSource.getRepository(MediaFile).findOneByOrFail({ id: (res.body as UploadedPhoto).id });
    await bucket.remove(row.thumbKey);
    expect((await t.request.get(`/api/media/${row.id}/thumb`)).body).toMatchObject({ statusCode: 404, error: 'photo_not_found' });
    expect((await t.request.get(`/api/media/${row.id}`)).status).toBe(200);
  });

  it('sweeps an abandoned upload out of the bucket: row, photo and thumbnail', async () => {
    const res = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await jpeg(), 'c.jpg').expect(201);
    const id = (res.body as UploadedPhoto).id;
    await t.dataSource.getRepository(MediaFile).update(id, { createdAt: new Date(Date.now() - 30 * HOUR_MS) });
    const row = await t.dataSource.getRepository(MediaFile).findOneByOrFail({ id });

    const report = await t.app.get(UnclaimedMediaSweep).sweepOnce();

    expect(report.removed).toContain(id);
    expect(await bucket.keys()).not.toEqual(expect.arrayContaining([row.storageKey]));
    expect(await bucket.keys()).not.toEqual(expect.arrayContaining([row.thumbKey]));
    expect((await t.request.get(`/api/media/${id}`)).status).toBe(404);
  });
});

describe('a bucket that does not answer', () => {
  let silent: SilentBucket;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    silent = await SilentBucket.start();
    t = await startTestApp({ ...silent.settings, s3TimeoutMs: 400, mediaDir: '/nonexistent-media-dir', redisUrl: undefined }, { seed: false });
    token = await t.tokenFor((await createUser(t.dataSource, { name: '随手拍居民' })).id);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    await silent?.stop();
  });

  it('answers an upload with 503 and Retry-After instead of hanging, and keeps no row', async () => {
    const res = await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await jpeg(), 'slow.jpg');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'storage_unavailable', message: '照片存储暂时不可用，请稍后重试' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.getRepository(MediaFile).count()).toBe(0);
    expect(silent.connections).toBeGreaterThan(0);
  });

  it('answers a photo download with 503 and Retry-After instead of hanging', async () => {
    const owner = await createUser(t.dataSource, { name: '照片主人' });
    const id = 'SlowBucketPhoto0000001';
    await t.dataSource.getRepository(MediaFile).insert({
      id,
      ownerUserId: owner.id,
      purpose: 'generic',
      mime: 'image/jpeg',
      sourceMime: 'image/jpeg',
      bytes: 10,
      width: 1,
      height: 1,
      storageKey: `photos/2024/11/${id}.jpg`,
      thumbKey: `thumbs/2024/11/${id}.jpg`,
      thumbBytes: 10,
      sha256: '0'.repeat(64),
      idempotencyKey: null,
      attachedTo: null,
      position: null,
      attachedAt: null,
    });
    for (const path of [`/api/media/${id}`, `/api/media/${id}/thumb`]) {
      const res = await t.request.get(path);
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('storage_unavailable');
      expect(res.headers['retry-after']).toBeDefined();
    }
  });
});

describe('two server processes sharing one bucket', () => {
  let dir: string;
  let bucket: S3StandIn;
  let t: TestApp;
  let second: MediaSweepingProcess;
  let secondUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-media-s3-two-'));
    bucket = await S3StandIn.start();
    const sqliteUrl = `sqlite:${join(dir, 'shared.sqlite')}`;
    // Neither process has a media directory of its own that the other could see: the bucket is all they share.
    t = await startTestApp({ ...bucket.settings, mediaDir: join(dir, 'first'), redisUrl: undefined, ...(isMysql() ? {} : { databaseUrl: sqliteUrl }) }, { seed: false });
    const databaseUrl = isMysql() ? String((t.dataSource.options as { url?: string }).url) : sqliteUrl;
    second = await MediaSweepingProcess.start({ ...bucket.settings, mediaDir: join(dir, 'second'), databaseUrl });
    secondUrl = await second.listen();
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
    await bucket?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('serves a photo uploaded through one process from the other, both ways, and sweeps each abandoned one once', async () => {
    const resident = await createUser(t.dataSource, { name: '随手拍居民' });
    const auth = `Bearer ${await t.tokenFor(resident.id)}`;
    const other = supertest(secondUrl);

    const viaFirst = (await t.request.post('/api/media/photos').set('Authorization', auth).attach('file', await jpeg(), 'one.jpg').expect(201)).body as UploadedPhoto;
    const viaSecond = (await other.post('/api/media/photos').set('Authorization', auth).attach('file', await jpeg(), 'two.jpg').expect(201)).body as UploadedPhoto;

    for (const photo of [viaFirst, viaSecond]) {
      const [here, there] = [await t.request.get(photo.url).buffer(true), await other.get(photo.url).buffer(true)];
      expect([here.status, there.status]).toEqual([200, 200]);
      expect(Number(there.headers['content-length'])).toBe(photo.bytes);
      expect(Buffer.compare(here.body as Buffer, there.body as Buffer)).toBe(0);
      expect((await other.get(photo.thumbUrl)).status).toBe(200);
      expect((await t.request.get(photo.thumbUrl)).status).toBe(200);
    }

    const ids = [viaFirst.id, viaSecond.id];
    await t.dataSource.getRepository(MediaFile).update({ id: In(ids) }, { createdAt: new Date(Date.now() - 30 * HOUR_MS) });
    const rows = await t.dataSource.getRepository(MediaFile).findBy({ id: In(ids) });
    const keys = rows.flatMap((row) => [row.storageKey, row.thumbKey]).sort();

    const at = new Date();
    const [here, there] = await Promise.all([t.app.get(UnclaimedMediaSweep).sweepOnce(at), second.sweep(at)]);

    expect([...here.removed, ...there.removed].sort()).toEqual([...ids].sort());
    expect(there.deletedKeys.every((key) => keys.includes(key))).toBe(true);
    expect((await bucket.keys()).filter((key) => keys.includes(key))).toEqual([]);
    for (const photo of [viaFirst, viaSecond]) {
      expect((await t.request.get(photo.url)).status).toBe(404);
      expect((await other.get(photo.url)).status).toBe(404);
    }
  }, 60_000);
});
