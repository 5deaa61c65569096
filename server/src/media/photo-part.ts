import { MEDIA_MAX_UPLOAD_BYTES, MEDIA_UPLOAD_FIELD } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import { MediaException } from './media-errors';

/** One photo in field `file`, plus at most a few small text fields (the mini-program's upload sends none). */
const LIMITS = { fileSize: MEDIA_MAX_UPLOAD_BYTES, files: 1, fields: 8, parts: 9 };

/** The multipart limit errors (@fastify/multipart's codes): more than one photo, or too many parts. */
const TOO_MANY_PARTS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the one photo of a multipart upload into memory (it is re-encoded anyway), with the media module's
 * own errors in words a resident can read: no photo, a photo in another field or more than one, too large.
 */
export async function readUploadedPhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new MediaException('no_photo');
  let photo: Buffer | null = null;
  try {
    for await (const part of req.parts({ limits: LIMITS })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== MEDIA_UPLOAD_FIELD) throw new MediaException('unexpected_field');
      photo = await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new MediaException('photo_too_large', { maxBytes: MEDIA_MAX_UPLOAD_BYTES });
    if (typeof code === 'string' && TOO_MANY_PARTS.has(code)) throw new MediaException('unexpected_field');
    throw error;
  }
  if (!photo?.length) throw new MediaException('no_photo');
  return photo;
}
