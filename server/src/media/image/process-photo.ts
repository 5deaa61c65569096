import { MEDIA_MAX_EDGE_PX, MEDIA_THUMB_EDGE_PX } from '@linli/shared';
import sharp, { Sharp } from 'sharp';

/**
 * Refuses images whose header claims more pixels than this before decoding them (a "decompression bomb"
 * is a few KB on the wire and gigabytes in memory). 100 MP covers the largest phone sensors in common use.
 */
const MAX_INPUT_PIXELS = 100_000_000;

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  photo: ProcessedImage;
  thumb: ProcessedImage;
}

export interface ProcessPhotoOptions {
  maxEdge?: number;
  thumbEdge?: number;
}

/** The bytes could be sniffed as an image but the decoder could not read them (truncated, corrupt, unsupported codec). */
export class UndecodableImageError extends Error {
  constructor(readonly cause: unknown) {
    super(`Image could not be decoded: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UndecodableImageError';
  }
}

async function toJpeg(pipeline: Sharp, quality: number): Promise<ProcessedImage> {
  // No withMetadata/keepExif: sharp writes none of the input's EXIF, XMP, IPTC or ICC, so GPS position,
  // camera serial numbers and capture times never reach storage. Pixels are converted to sRGB.
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' }) // transparent PNG/WebP areas would turn black in JPEG
    .jpeg({ quality, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Turns an uploaded photo into what we store: upright (EXIF orientation applied before EXIF is dropped),
 * no larger than `maxEdge` on its longer side, re-encoded as JPEG with no metadata at all, plus a thumbnail.
 * Throws UndecodableImageError when the bytes cannot be decoded.
 */
export async function processPhoto(input: Buffer, options: ProcessPhotoOptions = {}): Promise<ProcessedPhoto> {
  const maxEdge = options.maxEdge ?? MEDIA_MAX_EDGE_PX;
  const thumbEdge = options.thumbEdge ?? MEDIA_THUMB_EDGE_PX;
  try {
    // failOn 'error' rather than the default 'warning': phone JPEGs often carry harmless warnings
    // (extraneous bytes after the end marker) but a truncated or garbled file still fails.
    const source = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, pages: 1 });
    const photo = await toJpeg(
      source.clone().rotate().resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true }),
      82,
    );
    // The thumbnail is made from the already upright, scaled photo: cheaper than decoding the original again.
    const thumb = await toJpeg(
      sharp(photo.data).resize({ width: thumbEdge, height: thumbEdge, fit: 'inside', withoutEnlargement: true }),
      75,
    );
    return { photo, thumb };
  } catch (error) {
    throw new UndecodableImageError(error);
  }
}
