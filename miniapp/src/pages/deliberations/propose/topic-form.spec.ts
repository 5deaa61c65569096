import type { UploadedPhoto } from '@linli/shared';
import { addDraftPhotos, draftPhotoFailed, draftPhotoUploaded } from '../../../services/photo-queue';
import { EMPTY_TOPIC_FORM, toTopicInput } from './topic-form';

const stored = (id: string): UploadedPhoto => ({ id, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}/thumb`, width: 800, height: 600, bytes: 1000 });
const filled = { title: '楼道灯坏了', body: '3栋二楼楼道灯不亮。', scopeKind: 'community' as const, building: '' };

describe('topic proposal form', () => {
  it('asks for a title and a description before anything is sent', () => {
    const result = toTopicInput(EMPTY_TOPIC_FORM);
    expect(result.input).toBeUndefined();
    expect(Object.keys(result.errors).sort()).toEqual(['body', 'title']);
  });

  it('sends a building topic with its building, trimmed', () => {
    const result = toTopicInput({ title: ' 3栋加装电梯 ', body: '老人上下楼不便。', scopeKind: 'building', building: ' 3栋 ' });
    expect(result.input).toEqual({ title: '3栋加装电梯', body: '老人上下楼不便。', scope: { kind: 'building', building: '3栋' } });
  });

  it('requires the building for a building topic and drops it for others', () => {
    expect(toTopicInput({ title: '电梯', body: '说明', scopeKind: 'building', building: '' }).errors.building).toBeTruthy();
    expect(toTopicInput({ title: '停车', body: '说明', scopeKind: 'owners', building: '5栋' }).input?.scope).toEqual({ kind: 'owners' });
  });

  it('refuses an overlong title', () => {
    expect(toTopicInput({ ...EMPTY_TOPIC_FORM, title: '长'.repeat(61), body: '说明' }).errors.title).toContain('60');
  });

  it('sends the uploaded photos as photoIds, in the order they were picked', () => {
    let photos = addDraftPhotos([], [{ key: 'a', filePath: 'blob:a' }, { key: 'b', filePath: 'blob:b' }]).list;
    photos = draftPhotoUploaded(photos, 'b', stored('pb'));
    photos = draftPhotoUploaded(photos, 'a', stored('pa'));
    expect(toTopicInput(filled, photos).input?.photoIds).toEqual(['pa', 'pb']);
  });

  it('leaves photoIds out of a topic without photos', () => {
    expect(toTopicInput(filled, []).input).not.toHaveProperty('photoIds');
  });

  it('does not send while a photo is still uploading or has failed', () => {
    const uploading = addDraftPhotos([], [{ key: 'a', filePath: 'blob:a' }]).list;
    const waiting = toTopicInput(filled, uploading);
    expect(waiting.input).toBeUndefined();
    expect(waiting.errors.photos).toBe('照片还在上传，请稍候');
    expect(toTopicInput(filled, draftPhotoFailed(uploading, 'a', '网络错误')).errors.photos).toContain('重试');
  });
});
