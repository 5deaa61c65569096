import { UploadedPhoto } from '@linli/shared';
import { MediaFile } from './media-file.entity';

/** Photo URLs are relative to the API origin, so the same row works behind any host or proxy. */
export function mediaUrl(id: string): string {
  return `/api/media/${id}`;
}

export function mediaThumbUrl(id: string): string {
  return `/api/media/${id}/thumb`;
}

/** The API shape of a stored photo; cases and reports use it to render their photos. */
export function toUploadedPhoto(file: MediaFile): UploadedPhoto {
  return {
    id: file.id,
    url: mediaUrl(file.id),
    thumbUrl: mediaThumbUrl(file.id),
    width: file.width,
    height: file.height,
    bytes: file.bytes,
  };
}
