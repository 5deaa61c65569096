import type { UploadedPhoto } from '@linli/shared';
import { addDraftPhotos, draftPhotoFailed, draftPhotoUploaded } from '../../../services/photo-queue';
import { toMinutesInput } from './minutes-form';

const stored = (id: string): UploadedPhoto => ({ id, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}/thumb`, width: 800, height: 600, bytes: 1000 });
const heldAt = new Date('2026-11-20T11:30:00Z');

describe('minutes form', () => {
  it('sends trimmed minutes without photos when none were added', () => {
    expect(toMinutesInput(' 协商会 ', ' 同意报价 ', [], heldAt)).toEqual({
      input: { title: '协商会', summary: '同意报价', heldAt: '2026-11-20T11:30:00.000Z' },
    });
  });

  it('sends the uploaded photos in the order they were picked', () => {
    let photos = addDraftPhotos([], [{ key: 'k1', filePath: 'blob:1' }, { key: 'k2', filePath: 'blob:2' }]).list;
    photos = draftPhotoUploaded(photos, 'k2', stored('p2'));
    photos = draftPhotoUploaded(photos, 'k1', stored('p1'));
    expect(toMinutesInput('协商会', '同意报价', photos, heldAt).input?.photoIds).toEqual(['p1', 'p2']);
  });

  it('holds the minutes back while a photo is uploading or has failed', () => {
    const uploading = addDraftPhotos([], [{ key: 'k1', filePath: 'blob:1' }]).list;
    expect(toMinutesInput('协商会', '同意报价', uploading, heldAt)).toEqual({ error: '照片还在上传，请稍候' });
    const failed = draftPhotoFailed(uploading, 'k1', '网络错误');
    expect(toMinutesInput('协商会', '同意报价', failed, heldAt).error).toContain('重试');
  });

  it('asks for a title and a summary first', () => {
    expect(toMinutesInput('  ', '同意报价', [], heldAt).input).toBeUndefined();
    expect(toMinutesInput('协商会', '', [], heldAt).error).toBe('请填写会议名称和纪要内容');
  });
});
