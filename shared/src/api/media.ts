import { IDEMPOTENCY_HEADER } from './idempotency';
/**
 * Photo uploads. A report (随手拍) carries 1–9 photos; a handler adds after-photos when resolving a case.
 * Photos are uploaded one per request (POST /api/media/photos, multipart field `file`) so each can show
 * progress and retry on its own; the report then refers to them by id.
 */

/** What a photo is for; set when a report or case claims it (uploads start as `generic`). */
export type MediaPurpose = 'case_before' | 'case_after' | 'generic';

export const MEDIA_PURPOSES: readonly MediaPurpose[] = ['case_before', 'case_after', 'generic'];

/** The multipart field that carries the photo. */
export const MEDIA_UPLOAD_FIELD = 'file';

/** Header a client sets to make a retried upload return the first result instead of a duplicate. */
export const MEDIA_IDEMPOTENCY_HEADER = IDEMPOTENCY_HEADER;

/** Largest accepted upload in bytes (before re-encoding). */
export const MEDIA_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Stored photos are scaled down so the longer edge is at most this many pixels. */
export const MEDIA_MAX_EDGE_PX = 2560;

/** Thumbnails: longer edge in pixels. */
export const MEDIA_THUMB_EDGE_PX = 400;

/** Types accepted by content (not by file name). HEIC only where the server's image library can decode it. */
export const MEDIA_ACCEPTED_MIME = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'] as const;

/** Response of POST /api/media/photos. Stored photos are always JPEG with all metadata (incl. GPS) removed. */
export interface UploadedPhoto {
  /** Unguessable public id; reports and cases refer to photos by it. */
  id: string;
  /** GET this for the full photo (long-cached, immutable). */
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  /** Size of the stored photo in bytes. */
  bytes: number;
}
