import { MEDIA_ACCEPTED_MIME } from '@linli/shared';

// file-type 16 is the last CommonJS release; it reads magic bytes, never the file name or the client's claim.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FileType = require('file-type') as { fromBuffer(buffer: Buffer): Promise<{ ext: string; mime: string } | undefined> };

export type AcceptedImageMime = (typeof MEDIA_ACCEPTED_MIME)[number];

/** HEIC/HEIF/AVIF share one container; file-type names some brands differently from what we accept. */
const ALIASES: Record<string, AcceptedImageMime> = {
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heif',
};

/**
 * The image type the bytes really are, or null when they are not an accepted image
 * (a script renamed to .png, a PDF, a GIF, an empty body). The client's file name and Content-Type are ignored.
 */
export async function sniffImageType(data: Buffer): Promise<AcceptedImageMime | null> {
  if (data.length === 0) return null;
  const detected = await FileType.fromBuffer(data);
  if (!detected) return null;
  const mime = ALIASES[detected.mime] ?? detected.mime;
  return (MEDIA_ACCEPTED_MIME as readonly string[]).includes(mime) ? (mime as AcceptedImageMime) : null;
}
