import { useCallback, useRef, useState } from 'react';
import { CASE_PHOTOS_MAX } from '@linli/shared';
import Taro from '@tarojs/taro';
import { errorMessage } from '../services';
import { photoUploader, pickPhotos } from '../services/taro-photos';
import {
  addDraftPhotos,
  draftPhotoFailed,
  draftPhotoProgress,
  draftPhotoRetrying,
  draftPhotoUploaded,
  removeDraftPhoto,
  type DraftPhoto,
} from '../services/photo-queue';

/** A form's photos: pick, upload each with its own progress, retry or remove one, start over. */
export function usePhotoQueue(max = CASE_PHOTOS_MAX) {
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const current = useRef<DraftPhoto[]>([]);
  current.current = photos;

  const upload = useCallback((photo: Pick<DraftPhoto, 'key' | 'filePath'>) => {
    photoUploader
      .upload(photo.filePath, {
        idempotencyKey: photo.key,
        onProgress: (percent) => setPhotos((list) => draftPhotoProgress(list, photo.key, percent)),
      })
      .then(
        (stored) => setPhotos((list) => draftPhotoUploaded(list, photo.key, stored)),
        (err) => setPhotos((list) => draftPhotoFailed(list, photo.key, errorMessage(err))),
      );
  }, []);

  const pick = useCallback(async () => {
    const files = await pickPhotos(max - current.current.length);
    if (!files.length) return;
    const { added, dropped } = addDraftPhotos(current.current, files, max);
    setPhotos((list) => addDraftPhotos(list, added, max).list);
    if (dropped) Taro.showToast({ title: `最多 ${max} 张，已忽略 ${dropped} 张`, icon: 'none' });
    added.forEach(upload);
  }, [max, upload]);

  const retry = useCallback(
    (key: string) => {
      const photo = current.current.find((p) => p.key === key);
      if (!photo || photo.state !== 'failed') return;
      setPhotos((list) => draftPhotoRetrying(list, key));
      upload(photo);
    },
    [upload],
  );

  const remove = useCallback((key: string) => setPhotos((list) => removeDraftPhoto(list, key)), []);
  const reset = useCallback(() => setPhotos([]), []);

  return { photos, pick, retry, remove, reset, max };
}
