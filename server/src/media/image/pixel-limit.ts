/** Width and height as an image's header states them, before any pixel is decoded. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Whether an image may be decoded under a pixel budget. Memory for decoding grows with width × height, not
 * with the upload's bytes: a few hundred KB of PNG can describe 100 megapixels (300 MB as RGB).
 * A header without sensible dimensions is not within any limit.
 */
export function withinPixelLimit(size: ImageSize, maxPixels: number): boolean {
  const { width, height } = size;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) return false;
  return width * height <= maxPixels;
}
