import sharp from 'sharp';
import { checkPixelLimit, processPhoto, TooManyPixelsError, UndecodableImageError } from './process-photo';
import { phoneJpegWithGps, pngBomb, solidJpeg, solidPng } from './test-images';

describe('processPhoto', () => {
  it('removes all EXIF, including the GPS position, from a phone photo', async () => {
    const input = await phoneJpegWithGps(320, 240);
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('LinliTestCam');

    const { photo, thumb } = await processPhoto(input);

    for (const out of [photo.data, thumb.data]) {
      const meta = await sharp(out).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(out.toString('latin1')).not.toContain('LinliTestCam');
    }
  });

  it('turns a sideways photo upright using its orientation tag before dropping the tag', async () => {
    // Stored 320×240 with "rotate 90°" → viewed (and stored by us) as 240×320.
    const { photo } = await processPhoto(await phoneJpegWithGps(320, 240, 6));
    expect([photo.width, photo.height]).toEqual([240, 320]);
    const meta = await sharp(photo.data).metadata();
    expect([meta.width, meta.height]).toEqual([240, 320]);
  });

  it('caps the longer edge and keeps the aspect ratio', async () => {
    const { photo, thumb } = await processPhoto(await solidJpeg(1200, 600), { maxEdge: 500, thumbEdge: 100 });
    expect([photo.width, photo.height]).toEqual([500, 250]);
    expect([thumb.width, thumb.height]).toEqual([100, 50]);
  });

  it('never enlarges a small photo', async () => {
    const { photo } = await processPhoto(await solidJpeg(300, 200), { maxEdge: 2560 });
    expect([photo.width, photo.height]).toEqual([300, 200]);
  });

  it('re-encodes PNG as JPEG with transparent areas on white', async () => {
    const { photo } = await processPhoto(await solidPng(40, 30, 0));
    const meta = await sharp(photo.data).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.hasAlpha).toBe(false);
    const { data } = await sharp(photo.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
  });

  it('refuses a truncated JPEG', async () => {
    const whole = await solidJpeg(400, 300);
    await expect(processPhoto(whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toBeInstanceOf(UndecodableImageError);
  });

  describe('pixel limit', () => {
    it('refuses an image with more pixels than allowed from its header, before decoding it', async () => {
      const input = await solidPng(101, 100);
      await expect(processPhoto(input, { maxPixels: 100 * 100 })).rejects.toBeInstanceOf(TooManyPixelsError);
      const { photo } = await processPhoto(await solidPng(100, 100), { maxPixels: 100 * 100 });
      expect([photo.width, photo.height]).toEqual([100, 100]);
    });

    it('tells the stated size and the limit, and reads the size of a 100 MP bomb without decoding it', async () => {
      const bomb = await pngBomb(10_000, 10_000);
      const error = await checkPixelLimit(bomb, 40_000_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooManyPixelsError);
      expect(error).toMatchObject({ size: { width: 10_000, height: 10_000 }, maxPixels: 40_000_000 });
    });

    it('passes an image within the limit and answers its size', async () => {
      expect(await checkPixelLimit(await solidJpeg(640, 480), 640 * 480)).toEqual({ width: 640, height: 480 });
    });

    it('calls bytes without a readable header undecodable, not too large', async () => {
      await expect(checkPixelLimit(Buffer.from('not an image'))).rejects.toBeInstanceOf(UndecodableImageError);
    });
  });
});
