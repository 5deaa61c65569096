import sharp from 'sharp';

/** Small generated images for the media tests: nothing binary is checked in. */

export function solidJpeg(width: number, height: number, color = '#3366aa'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).jpeg().toBuffer();
}

export function solidPng(width: number, height: number, alpha = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 40, b: 40, alpha } } }).png().toBuffer();
}

export function solidWebp(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#22aa55' } }).webp().toBuffer();
}

/**
 * A JPEG as a phone writes it: EXIF with camera make, capture time and a GPS position (Guangzhou Yuexiu),
 * stored sideways with an orientation tag saying "rotate 90° clockwise to view".
 */
export function phoneJpegWithGps(width: number, height: number, orientation = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#aa8833' } })
    .jpeg()
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: 'LinliTestCam', Model: 'GPS-1', DateTime: '2024:11:20 09:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 16/1 1500/100' },
    })
    .toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of width × height pixels that are all zero, so it deflates to almost
 * nothing (an 8-bit RGB 10000 × 10000 one is about 300 KB, a 1-bit one about 15 KB) but decodes to
 * width × height pixels. Written row by row, so making one never holds the decoded image in memory.
 */
export async function pngBomb(width: number, height: number, kind: 'rgb' | 'bilevel' = 'bilevel'): Promise<Buffer> {
  const { createDeflate } = await import('node:zlib');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = kind === 'rgb' ? 8 : 1; // bit depth
  header[9] = kind === 'rgb' ? 2 : 0; // colour type: truecolour or greyscale
  const row = Buffer.alloc(1 + (kind === 'rgb' ? width * 3 : Math.ceil(width / 8))); // filter byte 0, then zeros
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
}
