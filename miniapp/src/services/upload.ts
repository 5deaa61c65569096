import { MEDIA_IDEMPOTENCY_HEADER, MEDIA_UPLOAD_FIELD, type UploadedPhoto } from '@linli/shared';
import type { HttpResponse } from './api-client';
import { ApiError, networkError, toApiError } from './api-error';

/** One multipart upload as the platform sends it (Taro.uploadFile on both weapp and H5). */
export interface UploadRequest {
  url: string;
  /** A temp path on weapp, a blob: URL on H5. */
  filePath: string;
  field: string;
  headers: Record<string, string>;
}

/** Sends one file; reports progress 0–100; resolves with any HTTP status, rejects only when no response arrived. */
export type UploadTransport = (request: UploadRequest, onProgress: (percent: number) => void) => Promise<HttpResponse>;

export interface PhotoUploaderOptions {
  baseUrl: string;
  token: () => string | null;
  send: UploadTransport;
}

export interface PhotoUploadOptions {
  /** Same key on a retry, so a photo that did arrive the first time is not stored twice. */
  idempotencyKey?: string;
  onProgress?: (percent: number) => void;
}

/** uploadFile hands back the body as text on both platforms; a proxy may also answer with HTML. */
export function parseUploadResponse(response: HttpResponse): UploadedPhoto {
  let body: unknown = response.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    const photo = body as Partial<UploadedPhoto> | null;
    if (photo && typeof photo.id === 'string' && typeof photo.url === 'string') return photo as UploadedPhoto;
    throw new ApiError({ statusCode: response.statusCode, error: 'bad_response', message: '上传结果无法识别，请重试' });
  }
  throw toApiError(response.statusCode, body);
}

/** Uploads photos one per request to POST /api/media/photos, each with its own progress and retry. */
export class PhotoUploader {
  private readonly baseUrl: string;

  constructor(private readonly options: PhotoUploaderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async upload(filePath: string, options: PhotoUploadOptions = {}): Promise<UploadedPhoto> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers[MEDIA_IDEMPOTENCY_HEADER] = options.idempotencyKey;
    let response: HttpResponse;
    try {
      response = await this.options.send(
        { url: `${this.baseUrl}/api/media/photos`, filePath, field: MEDIA_UPLOAD_FIELD, headers },
        (percent) => options.onProgress?.(Math.max(0, Math.min(100, Math.round(percent)))),
      );
    } catch {
      throw networkError();
    }
    return parseUploadResponse(response);
  }
}
