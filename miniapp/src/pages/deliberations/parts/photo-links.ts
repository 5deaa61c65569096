/**
 * Topics and minutes carry only photo ids (the views do not repeat the media rows); the photo and its
 * thumbnail are public at fixed paths under /api/media, the random id being the secret.
 */
export interface DeliberationPhotoLink {
  id: string;
  url: string;
  thumbUrl: string;
}

/** At most this many photos on a topic or on one meeting's minutes (the server checks it again). */
export const DELIBERATION_PHOTOS_MAX = 9;

export function deliberationPhotoLinks(photoIds: readonly string[]): DeliberationPhotoLink[] {
  return photoIds.map((id) => {
    const path = `/api/media/${encodeURIComponent(id)}`;
    return { id, url: path, thumbUrl: `${path}/thumb` };
  });
}
