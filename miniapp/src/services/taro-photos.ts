import Taro from '@tarojs/taro';
import { apiBaseUrl } from './api-base';
import { session } from './index';
import { newClientKey } from './client-key';
import type { PickedFile } from './photo-queue';
import { PhotoUploader, type UploadTransport } from './upload';

const baseUrl = apiBaseUrl(process.env.TARO_ENV, process.env.TARO_APP_API_BASE);

/**
 * Taro.uploadFile on both targets. On H5 the file path is the blob: URL chooseMedia made; Taro reads the
 * blob back and posts it as multipart, so nothing H5-specific is needed here beyond not revoking the URL.
 */
const taroUploadTransport: UploadTransport = (request, onProgress) => {
  const task = Taro.uploadFile({
    url: request.url,
    filePath: request.filePath,
    name: request.field,
    header: request.headers,
    timeout: 60_000,
  });
  task.progress((update) => onProgress(update.progress));
  return task.then((res) => ({ statusCode: res.statusCode, data: res.data }));
};

export const photoUploader = new PhotoUploader({ baseUrl, token: () => session.token(), send: taroUploadTransport });

/** Camera or album, photos only. Resolves with nothing when the person cancels. */
export async function pickPhotos(count: number): Promise<PickedFile[]> {
  if (count <= 0) return [];
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    return result.tempFiles.map((file) => ({ key: `ph-${newClientKey()}`, filePath: file.tempFilePath }));
  } catch {
    return [];
  }
}

/** Photo URLs come back as /api/media/…; the weapp has no origin of its own to resolve them against. */
export function mediaUrl(url: string | null): string {
  if (!url) return '';
  return url.startsWith('/') ? `${baseUrl}${url}` : url;
}
