import { MEDIA_MAX_EDGE_PX, MEDIA_THUMB_EDGE_PX } from '@linli/shared';
import sharp, { Sharp } from 'sharp';
import { ImageSize, withinPixelLimit } from './pixel-limit';

// libvips keeps recent operations and their decoded results (up to 50 MB, 20 files, 100 operations) to reuse
// them. Every upload is a different image, so the cache never hits and only holds memory after a burst.
sharp.cache(false);
// One libvips worker thread per image. Uploads already run MEDIA_PROCESS_CONCURRENCY images at once (one a
// core), so more threads per image would only oversubscribe the cores and add per-thread buffers; it is also
// sharp's own default on glibc without jemalloc, where more threads fragment the heap (set here so it stays so).
sharp.concurrency(1);

/** Used when no limit is passed (unit tests, scripts); the server passes MEDIA_MAX_PIXELS. */
const DEFAULT_MAX_PIXELS = 40_000_000;

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
  /** Refuse images with more pixels than this (TooManyPixelsError). */
  maxPixels?: number;
}

/** The image's header states more pixels than the limit allows; nothing was decoded. */
export class TooManyPixelsError extends Error {
  constructor(
    readonly size: ImageSize,
    readonly maxPixels: number,
  ) {
    super(`Image of ${size.width}×${size.height} exceeds ${maxPixels} pixels`);
    this.name = 'TooManyPixelsError';
  }
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
 * Reads only the image's header (no pixels) and refuses it with TooManyPixelsError when it states more than
 * `maxPixels`, or with UndecodableImageError when there is no readable header. Cheap enough to run on every
 * upload before it waits for a decoder.
 */
export async function checkPixelLimit(input: Buffer, maxPixels: number = DEFAULT_MAX_PIXELS): Promise<ImageSize> {
  let size: ImageSize;
  try {
    // pages: 1 — an animated WebP/AVIF is judged (and later decoded) by its first frame only.
    const header = await sharp(input, { pages: 1 }).metadata();
    size = { width: header.width ?? 0, height: header.pageHeight ?? header.height ?? 0 };
  } catch (error) {
    throw new UndecodableImageError(error);
  }
  if (!withinPixelLimit(size, maxPixels)) throw new TooManyPixelsError(size, maxPixels);
  return size;
}

/**
 * Turns an uploaded photo into what we store: upright (EXIF orientation applied before EXIF is dropped),
 * no larger than `maxEdge` on its longer side, re-encoded as JPEG with no metadata at all, plus a thumbnail.
 * Throws TooManyPixelsError for an image over `maxPixels` (judged from its header before decoding) and
 * UndecodableImageError when the bytes cannot be decoded.
 */
export async function processPhoto(input: Buffer, options: ProcessPhotoOptions = {}): Promise<ProcessedPhoto> {
  const maxEdge = options.maxEdge ?? MEDIA_MAX_EDGE_PX;
  const thumbEdge = options.thumbEdge ?? MEDIA_THUMB_EDGE_PX;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  await checkPixelLimit(input, maxPixels);
  try {
    // failOn 'error' rather than the default 'warning': phone JPEGs often carry harmless warnings
    // (extraneous bytes after the end marker) but a truncated or garbled file still fails.
    // limitInputPixels again: libvips then refuses, from the header it reads itself, anything the check above let by.
    const source = sharp(input, { failOn: 'error', limitInputPixels: maxPixels, pages: 1 });
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
