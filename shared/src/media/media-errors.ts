import { MEDIA_MAX_UPLOAD_BYTES } from '../api/media';

const MAX_MB = Math.round(MEDIA_MAX_UPLOAD_BYTES / 1024 / 1024);

/**
 * Every way a photo upload or download can say no. The code is stable (clients branch on it); the message is
 * what a resident reads; the status is what every media endpoint answers with for it.
 */
export const MEDIA_ERRORS = {
  no_photo: { status: 400, message: '请选择一张照片上传' },
  unexpected_field: { status: 400, message: '每次只能上传一张照片，字段名为 file' },
  bad_idempotency_key: { status: 400, message: 'Idempotency-Key 格式不正确（1–64 位字母、数字或 -_:.）' },
  photo_too_large: { status: 413, message: `照片不能超过 ${MAX_MB} MB` },
  unsupported_image_type: { status: 422, message: '不支持的图片格式' },
  heic_undecodable: { status: 422, message: '暂不支持该 HEIC 照片，请在相机设置中选择“兼容性最佳”或截图后上传' },
  undecodable_image: { status: 422, message: '图片已损坏或无法读取，请重新选择' },
  // 422, not 413: the upload is within the byte limit and well-formed; what is refused is what its header says
  // the picture is (its width × height). 413 already means "the file is too many MB" here, and it invites a
  // retry of the same bytes later (Retry-After), which would be refused again.
  too_many_pixels: { status: 422, message: '照片分辨率过高，请缩小尺寸或截图后重新上传' },
  photo_not_found: { status: 404, message: '照片不存在' },
  invalid_photo_claim: { status: 422, message: '部分照片无效、不属于您或已被使用，请重新上传' },
  uploads_busy: { status: 503, message: '上传照片的人太多，请稍后重试' },
  storage_unavailable: { status: 503, message: '照片存储暂时不可用，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type MediaErrorCode = keyof typeof MEDIA_ERRORS;
