import { CASE_PHOTOS_MAX, type UploadedPhoto } from '@linli/shared';

/**
 * The photos of a form (a report, a handler's after-photos, a 议事 topic or meeting minutes), each uploading on its own. Pure list
 * updates; the page keeps the list in state and drives the uploads. A photo's key doubles as the upload's
 * Idempotency-Key, so retrying a photo that did reach the server does not store it twice.
 */
export type DraftPhotoState = 'uploading' | 'done' | 'failed';

export interface DraftPhoto {
  key: string;
  /** Local preview: a temp path on weapp, a blob: URL on H5. */
  filePath: string;
  state: DraftPhotoState;
  /** 0–100 while uploading. */
  progress: number;
  photo: UploadedPhoto | null;
  error: string | null;
}

export interface PickedFile {
  key: string;
  filePath: string;
}

/** Adds newly picked files, as many as still fit under the limit; says how many did not fit. */
export function addDraftPhotos(list: DraftPhoto[], files: PickedFile[], max = CASE_PHOTOS_MAX): { list: DraftPhoto[]; added: DraftPhoto[]; dropped: number } {
  const room = Math.max(0, max - list.length);
  const added = files.slice(0, room).map((file) => ({ ...file, state: 'uploading' as const, progress: 0, photo: null, error: null }));
  return { list: [...list, ...added], added, dropped: files.length - added.length };
}

function update(list: DraftPhoto[], key: string, patch: (photo: DraftPhoto) => Partial<DraftPhoto>): DraftPhoto[] {
  return list.map((photo) => (photo.key === key ? { ...photo, ...patch(photo) } : photo));
}

/** Progress only moves forward (a late event from an earlier attempt must not pull the bar back). */
export function draftPhotoProgress(list: DraftPhoto[], key: string, progress: number): DraftPhoto[] {
  return update(list, key, (photo) => (photo.state === 'uploading' ? { progress: Math.max(photo.progress, progress) } : {}));
}

export function draftPhotoUploaded(list: DraftPhoto[], key: string, uploaded: UploadedPhoto): DraftPhoto[] {
  return update(list, key, () => ({ state: 'done', progress: 100, photo: uploaded, error: null }));
}

export function draftPhotoFailed(list: DraftPhoto[], key: string, error: string): DraftPhoto[] {
  return update(list, key, (photo) => (photo.state === 'done' ? {} : { state: 'failed', error }));
}

export function draftPhotoRetrying(list: DraftPhoto[], key: string): DraftPhoto[] {
  return update(list, key, () => ({ state: 'uploading', progress: 0, error: null }));
}

export function removeDraftPhoto(list: DraftPhoto[], key: string): DraftPhoto[] {
  return list.filter((photo) => photo.key !== key);
}

/** Ids of the uploaded photos, in the order the person picked them. */
export function uploadedPhotoIds(list: DraftPhoto[]): string[] {
  return list.filter((photo) => photo.state === 'done' && photo.photo).map((photo) => photo.photo!.id);
}

/** Why the photos are not ready to send yet, in words for the form; null when they are. */
export function draftPhotosProblem(list: DraftPhoto[], min = 1): string | null {
  if (list.some((photo) => photo.state === 'uploading')) return '照片还在上传，请稍候';
  if (list.some((photo) => photo.state === 'failed')) return '有照片上传失败，请点“重试”或删除后再提交';
  if (list.length < min) return '请至少拍一张照片';
  return null;
}
