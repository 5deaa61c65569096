import type { UploadedPhoto } from '@linli/shared';
import {
  addDraftPhotos,
  draftPhotoFailed,
  draftPhotoProgress,
  draftPhotoRetrying,
  draftPhotosProblem,
  draftPhotoUploaded,
  removeDraftPhoto,
  uploadedPhotoIds,
  type DraftPhoto,
} from './photo-queue';

const picked = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, filePath: `blob:x/${from + i}` }));
const stored = (id: string): UploadedPhoto => ({ id, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}/thumb`, width: 10, height: 10, bytes: 100 });

describe('report photo queue', () => {
  it('takes at most nine photos and says how many did not fit', () => {
    const first = addDraftPhotos([], picked(7));
    const second = addDraftPhotos(first.list, picked(4, 7));
    expect(second.list).toHaveLength(9);
    expect(second.added.map((p) => p.key)).toEqual(['k7', 'k8']);
    expect(second.dropped).toBe(2);
    expect(second.list.every((p) => p.state === 'uploading' && p.progress === 0)).toBe(true);
  });

  it('moves the bar only forward and keeps the uploaded ids in the order picked', () => {
    let list: DraftPhoto[] = addDraftPhotos([], picked(3)).list;
    list = draftPhotoProgress(list, 'k0', 60);
    list = draftPhotoProgress(list, 'k0', 20);
    expect(list[0].progress).toBe(60);
    list = draftPhotoUploaded(list, 'k2', stored('p2'));
    list = draftPhotoUploaded(list, 'k0', stored('p0'));
    expect(uploadedPhotoIds(list)).toEqual(['p0', 'p2']);
    expect(draftPhotosProblem(list)).toBe('照片还在上传，请稍候');
  });

  it('lets a failed photo be retried from zero, and holds the form back until it is sent or removed', () => {
    let list = addDraftPhotos([], picked(2)).list;
    list = draftPhotoUploaded(list, 'k0', stored('p0'));
    list = draftPhotoProgress(list, 'k1', 40);
    list = draftPhotoFailed(list, 'k1', '网络连接失败，请检查网络后重试');
    expect(list[1]).toMatchObject({ state: 'failed', error: '网络连接失败，请检查网络后重试' });
    expect(draftPhotosProblem(list)).toContain('重试');

    const retried = draftPhotoRetrying(list, 'k1');
    expect(retried[1]).toMatchObject({ state: 'uploading', progress: 0, error: null });
    expect(draftPhotosProblem(removeDraftPhoto(list, 'k1'))).toBeNull();
  });

  it('ignores a failure reported after the photo already arrived', () => {
    let list = addDraftPhotos([], picked(1)).list;
    list = draftPhotoUploaded(list, 'k0', stored('p0'));
    list = draftPhotoFailed(list, 'k0', '超时');
    expect(list[0].state).toBe('done');
  });

  it('asks for at least one photo', () => {
    expect(draftPhotosProblem([])).toBe('请至少拍一张照片');
  });
});
