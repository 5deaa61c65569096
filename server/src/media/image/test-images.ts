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
