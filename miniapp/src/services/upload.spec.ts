import type { UploadedPhoto } from '@linli/shared';
import { ApiError } from './api-error';
import { PhotoUploader, type UploadRequest } from './upload';

const stored: UploadedPhoto = { id: 'p_9f3a', url: '/api/media/p_9f3a', thumbUrl: '/api/media/p_9f3a/thumb', width: 800, height: 600, bytes: 51234 };

function uploaderAnswering(answer: (request: UploadRequest, onProgress: (p: number) => void) => Promise<{ statusCode: number; data: unknown }>) {
  const sent: UploadRequest[] = [];
  const uploader = new PhotoUploader({
    baseUrl: 'http://127.0.0.1:3000/',
    token: () => 'jwt-abc',
    send: (request, onProgress) => {
      sent.push(request);
      return answer(request, onProgress);
    },
  });
  return { uploader, sent };
}

describe('PhotoUploader', () => {
  it('sends the file in the contract field with the bearer token and the retry key, and reads the JSON text answer', async () => {
    const { uploader, sent } = uploaderAnswering(async () => ({ statusCode: 201, data: JSON.stringify(stored) }));
    const photo = await uploader.upload('blob:http://127.0.0.1/abc', { idempotencyKey: 'photo-key-1' });
    expect(photo).toEqual(stored);
    expect(sent[0]).toEqual({
      url: 'http://127.0.0.1:3000/api/media/photos',
      filePath: 'blob:http://127.0.0.1/abc',
      field: 'file',
      headers: { Accept: 'application/json', Authorization: 'Bearer jwt-abc', 'Idempotency-Key': 'photo-key-1' },
    });
  });

  it('passes progress on as whole percentages within 0–100', async () => {
    const seen: number[] = [];
    const { uploader } = uploaderAnswering(async (_request, onProgress) => {
      [12.4, 57.6, 130].forEach(onProgress);
      return { statusCode: 201, data: stored };
    });
    await uploader.upload('wxfile://tmp_1.jpg', { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([12, 58, 100]);
  });

  it("turns the server's error answer into an ApiError with its Chinese message", async () => {
    const body = { statusCode: 415, error: 'unsupported_media_type', message: '只能上传 JPEG、PNG、WebP 或 HEIC 图片' };
    const { uploader } = uploaderAnswering(async () => ({ statusCode: 415, data: JSON.stringify(body) }));
    const failure = uploader.upload('wxfile://tmp_2.gif');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ statusCode: 415, error: 'unsupported_media_type', message: body.message });
  });

  it('reports a network failure when no answer arrived, and a readable error for a success without a photo', async () => {
    const lost = uploaderAnswering(async () => {
      throw new Error('uploadFile:fail timeout');
    });
    await expect(lost.uploader.upload('wxfile://tmp_3.jpg')).rejects.toMatchObject({ statusCode: 0, error: 'network_error' });
    const odd = uploaderAnswering(async () => ({ statusCode: 200, data: '<html>ok</html>' }));
    await expect(odd.uploader.upload('wxfile://tmp_4.jpg')).rejects.toMatchObject({ error: 'bad_response' });
  });
});
