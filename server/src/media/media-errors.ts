import { MEDIA_ACCEPTED_MIME, MEDIA_MAX_UPLOAD_BYTES } from '@linli/shared';
import { ApiException } from '../common/api-exception';

const MAX_MB = Math.round(MEDIA_MAX_UPLOAD_BYTES / 1024 / 1024);

/** The errors the media module raises on purpose, in one place so their codes and wording stay consistent. */
export const MediaErrors = {
  noFile: () => new ApiException(400, 'bad_request', '请选择一张照片上传'),
  unexpectedField: () => new ApiException(400, 'bad_request', '每次只能上传一张照片，字段名为 file'),
  badIdempotencyKey: () => new ApiException(400, 'bad_request', 'Idempotency-Key 格式不正确（1–64 位字母、数字或 -_:.）'),
  tooLarge: () => new ApiException(413, 'payload_too_large', `照片不能超过 ${MAX_MB} MB`, { maxBytes: MEDIA_MAX_UPLOAD_BYTES }),
  unsupportedType: () =>
    new ApiException(422, 'unprocessable', '不支持的图片格式', { accepted: [...MEDIA_ACCEPTED_MIME] }),
  heicUndecodable: () =>
    new ApiException(422, 'unprocessable', '暂不支持该 HEIC 照片，请在相机设置中选择“兼容性最佳”或截图后上传'),
  undecodable: () => new ApiException(422, 'unprocessable', '图片已损坏或无法读取，请重新选择'),
  notFound: () => new ApiException(404, 'not_found', '照片不存在'),
  invalidClaim: (invalidPhotoIds: string[]) =>
    new ApiException(422, 'unprocessable', '部分照片无效、不属于您或已被使用，请重新上传', { invalidPhotoIds }),
};
