import { CASE_CLIENT_KEY_PATTERN, CASE_DESCRIPTION_MAX, type UploadedPhoto } from '@linli/shared';
import { newClientKey } from '../../services/client-key';
import { addDraftPhotos, draftPhotoUploaded } from '../../services/photo-queue';
import { toSubmitReport, type ReportDraft } from './report-draft';

const stored = (id: string): UploadedPhoto => ({ id, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}/thumb`, width: 10, height: 10, bytes: 100 });

function draftWithPhoto(patch: Partial<ReportDraft> = {}): ReportDraft {
  const photos = draftPhotoUploaded(addDraftPhotos([], [{ key: 'a1', filePath: 'blob:1' }]).list, 'a1', stored('ph_1'));
  return {
    clientKey: 'c0ffee00c0ffee00',
    photos,
    location: { lng: 113.2706, lat: 23.1358, address: ' 解放北路 123 号门口 ', source: 'map' },
    description: '  人行道井盖破损，晚上容易绊倒  ',
    categoryId: null,
    ...patch,
  };
}

describe('toSubmitReport', () => {
  it('builds the request with trimmed text, the uploaded photo ids and the draft key', () => {
    const { request, errors } = toSubmitReport(draftWithPhoto({ categoryId: 7 }));
    expect(errors).toEqual({});
    expect(request).toEqual({
      clientKey: 'c0ffee00c0ffee00',
      photoIds: ['ph_1'],
      lng: 113.2706,
      lat: 23.1358,
      address: '解放北路 123 号门口',
      description: '人行道井盖破损，晚上容易绊倒',
      categoryId: 7,
    });
  });

  it('leaves the category to the server when the resident did not choose one, and drops an empty address', () => {
    const { request } = toSubmitReport(draftWithPhoto({ location: { lng: 113.27, lat: 23.13, address: '  ', source: 'gps' } }));
    expect(request).not.toHaveProperty('categoryId');
    expect(request).not.toHaveProperty('address');
  });

  it('names every missing part in Chinese instead of sending', () => {
    const { request, errors } = toSubmitReport({ clientKey: 'k', photos: [], location: null, description: ' ', categoryId: null });
    expect(request).toBeNull();
    expect(errors).toEqual({ photos: '请至少拍一张照片', location: '请选择问题所在的位置', description: '请简单描述一下问题' });
  });

  it('refuses a description longer than the server accepts', () => {
    const { errors } = toSubmitReport(draftWithPhoto({ description: '坑'.repeat(CASE_DESCRIPTION_MAX + 1) }));
    expect(errors.description).toContain(String(CASE_DESCRIPTION_MAX));
  });
});

describe('newClientKey', () => {
  it('makes a key the server accepts, different for each draft', () => {
    const a = newClientKey();
    const b = newClientKey();
    expect(a).toMatch(CASE_CLIENT_KEY_PATTERN);
    expect(a).not.toBe(b);
  });

  it('spells the random bytes as hex', () => {
    let n = 0;
    expect(newClientKey(() => n++)).toBe('000102030405060708090a0b0c0d0e0f');
  });
});
