import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { loadConfig } from '../config/load-config';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy';
import { User } from '../users/user.entity';
import { PhotoProcessingGate } from './image/photo-processing-gate';
import { phoneJpegWithGps, solidJpeg } from './image/test-images';
import { MediaFile } from './media-file.entity';
import { MediaService } from './media.service';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { TransactionRunner } from '../database/transaction-runner';

/** The service on a real SQLite schema (built by the real migrations) and a real temp directory. */
describe('MediaService', () => {
  let dataSource: DataSource;
  let root: string;
  let service: MediaService;
  let alice: User;
  let bob: User;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'linli-media-service-'));
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [User, MediaFile],
      migrations: [Foundation1732000000000, Media1732000002000],
      migrationsRun: true,
      namingStrategy: new SnakeNamingStrategy(),
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('foreign_keys = ON');
      },
    });
    await dataSource.initialize();
    const users = dataSource.getRepository(User);
    alice = await users.save(users.create({ name: '阿丽' }));
    bob = await users.save(users.create({ name: '阿波' }));
    const config = loadConfig({ NODE_ENV: 'test' });
    service = new MediaService(
      dataSource.getRepository(MediaFile),
      new LocalDiskStorage(join(root, 'media')),
      new TransactionRunner(dataSource),
      new PhotoProcessingGate(config),
      config,
    );
  });

  afterEach(async () => {
    await dataSource.destroy();
    await rm(root, { recursive: true, force: true });
  });

  async function storedFiles(): Promise<string[]> {
    return (await readdir(join(root, 'media'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  }

  async function expectApiError(promise: Promise<unknown>, status: number, code: string): Promise<ApiException> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException).getStatus()).toBe(status);
    expect((error as ApiException).code).toBe(code);
    return error as ApiException;
  }

  it('stores a cleaned photo and its thumbnail and records their size, dimensions and checksum', async () => {
    const file = await service.uploadPhoto(alice.id, await phoneJpegWithGps(640, 480));

    expect(file.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(file).toMatchObject({ ownerUserId: alice.id, purpose: 'generic', mime: 'image/jpeg', sourceMime: 'image/jpeg', attachedTo: null });
    expect([file.width, file.height]).toEqual([480, 640]);
    const stored = await readFile(join(root, 'media', file.storageKey));
    expect(file.bytes).toBe(stored.length);
    expect(file.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    const thumb = await sharp(await readFile(join(root, 'media', file.thumbKey))).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(400);
    expect(await dataSource.getRepository(MediaFile).countBy({ ownerUserId: alice.id })).toBe(1);
  });

  it('returns the first upload when the same user retries with the same idempotency key', async () => {
    const first = await service.uploadPhoto(alice.id, await solidJpeg(100, 80), { idempotencyKey: 'k-1' });
    const retry = await service.uploadPhoto(alice.id, await solidJpeg(100, 80), { idempotencyKey: 'k-1' });
    expect(retry.id).toBe(first.id);
    expect(await dataSource.getRepository(MediaFile).count()).toBe(1);
    expect(await storedFiles()).toHaveLength(2);
  });

  it('does not share idempotency keys between users', async () => {
    const mine = await service.uploadPhoto(alice.id, await solidJpeg(100, 80), { idempotencyKey: 'same' });
    const theirs = await service.uploadPhoto(bob.id, await solidJpeg(100, 80), { idempotencyKey: 'same' });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.ownerUserId).toBe(bob.id);
  });

  it('refuses a non-image by content and stores nothing', async () => {
    const error = await expectApiError(service.uploadPhoto(alice.id, Buffer.from('#!/bin/sh\nrm -rf /\n')), 422, 'unsupported_image_type');
    expect(error.message).toBe('不支持的图片格式');
    expect(await dataSource.getRepository(MediaFile).count()).toBe(0);
  });

  it('refuses a corrupt JPEG with a 422', async () => {
    const whole = await solidJpeg(400, 300);
    await expectApiError(service.uploadPhoto(alice.id, whole.subarray(0, whole.length >> 1)), 422, 'undecodable_image');
    expect(await dataSource.getRepository(MediaFile).count()).toBe(0);
  });

  it('explains how to resend a HEIC photo that the image library cannot decode', async () => {
    // An ISO-BMFF header with the `heic` brand followed by garbage: sniffed as HEIC, not decodable.
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic')]);
    const error = await expectApiError(service.uploadPhoto(alice.id, Buffer.concat([ftyp, Buffer.alloc(256, 7)])), 422, 'heic_undecodable');
    expect(error.message).toContain('HEIC');
  });

  it('opens the stored photo and thumbnail for streaming and answers 404 for unknown ids', async () => {
    const file = await service.uploadPhoto(alice.id, await solidJpeg(100, 80));
    const photo = await service.open(file.id, 'photo');
    expect(photo.contentType).toBe('image/jpeg');
    expect(photo.object.bytes).toBe(file.bytes);
    photo.object.body.destroy();
    const thumb = await service.open(file.id, 'thumb');
    expect(thumb.object.bytes).toBe(file.thumbBytes);
    thumb.object.body.destroy();
    await expectApiError(service.open('AAAAAAAAAAAAAAAAAAAAAA', 'photo'), 404, 'photo_not_found');
    await expectApiError(service.open('../../etc/passwd', 'photo'), 404, 'photo_not_found');
  });

  describe('claimPhotos', () => {
    it('attaches the user’s photos to the target in the order given', async () => {
      const a = await service.uploadPhoto(alice.id, await solidJpeg(50, 50));
      const b = await service.uploadPhoto(alice.id, await solidJpeg(60, 60));

      const claimed = await service.claimPhotos(alice.id, [b.id, a.id], 'case_before', 'case:17');

      expect(claimed.map((f) => f.id)).toEqual([b.id, a.id]);
      const listed = await service.listAttached('case:17');
      expect(listed.map((f) => [f.id, f.purpose, f.position])).toEqual([
        [b.id, 'case_before', 0],
        [a.id, 'case_before', 1],
      ]);
    });

    it('refuses unknown, foreign and already attached photos, lists them, and attaches none', async () => {
      const mine = await service.uploadPhoto(alice.id, await solidJpeg(50, 50));
      const used = await service.uploadPhoto(alice.id, await solidJpeg(50, 50));
      const bobs = await service.uploadPhoto(bob.id, await solidJpeg(50, 50));
      await service.claimPhotos(alice.id, [used.id], 'case_before', 'case:1');

      const unknown = 'ZZZZZZZZZZZZZZZZZZZZZZ';
      const error = await expectApiError(
        service.claimPhotos(alice.id, [mine.id, used.id, bobs.id, unknown], 'case_before', 'case:2'),
        422,
        'invalid_photo_claim',
      );

      expect(error.details).toEqual({ invalidPhotoIds: [used.id, bobs.id, unknown] });
      expect(await service.listAttached('case:2')).toEqual([]);
      expect((await dataSource.getRepository(MediaFile).findOneByOrFail({ id: mine.id })).attachedTo).toBeNull();
    });

    it('is undone with the caller’s transaction when the caller fails afterwards', async () => {
      const photo = await service.uploadPhoto(alice.id, await solidJpeg(50, 50));

      await expect(
        dataSource.transaction(async (manager) => {
          await service.claimPhotos(alice.id, [photo.id], 'case_after', 'case:9', manager);
          throw new Error('case insert failed');
        }),
      ).rejects.toThrow('case insert failed');

      expect((await dataSource.getRepository(MediaFile).findOneByOrFail({ id: photo.id })).attachedTo).toBeNull();
    });
  });
});
