import { MEDIA_MAX_UPLOAD_BYTES, MEDIA_UPLOAD_FIELD, UploadedPhoto } from '@linli/shared';
import { Controller, Get, Headers, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { Public } from '../auth/public.decorator';
import { MediaErrors } from './media-errors';
import { MediaService, MediaVariant } from './media.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import { toUploadedPhoto } from './uploaded-photo';

/** What we read of multer's in-memory file (the global Express.Multer types are not loaded in this project). */
interface UploadedPart {
  buffer: Buffer;
  size: number;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{1,64}$/;

/** A photo never changes under its id, so clients and CDNs may keep it for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function parseIdempotencyKey(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!IDEMPOTENCY_KEY.test(value)) throw MediaErrors.badIdempotencyKey();
  return value;
}

@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** One photo per request (multipart field `file`), so each upload shows its own progress and retries alone. */
  @Post('photos')
  @HttpCode(201)
  @Permission('media.upload')
  @UseInterceptors(
    UploadErrorsInterceptor,
    FileInterceptor(MEDIA_UPLOAD_FIELD, { limits: { fileSize: MEDIA_MAX_UPLOAD_BYTES, files: 1, fields: 8, parts: 9 } }),
  )
  async upload(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedPart | undefined,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
  ): Promise<UploadedPhoto> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    if (!file?.buffer) throw MediaErrors.noFile();
    const stored = await this.media.uploadPhoto(user.id, file.buffer, { idempotencyKey });
    return toUploadedPhoto(stored);
  }

  /** Photos are read without a token (the mini-program's <Image> cannot send one); the random id is the secret. */
  @Get(':id')
  @Public()
  photo(@Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.stream(id, 'photo', ifNoneMatch, res);
  }

  @Get(':id/thumb')
  @Public()
  thumb(@Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.stream(id, 'thumb', ifNoneMatch, res);
  }

  private async stream(id: string, variant: MediaVariant, ifNoneMatch: string | undefined, res: Response): Promise<StreamableFile | undefined> {
    const { file, object, contentType } = await this.media.open(id, variant);
    const etag = `"${file.sha256.slice(0, 32)}${variant === 'thumb' ? '-t' : ''}"`;
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('ETag', etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch === etag) {
      object.body.destroy();
      res.status(304);
      return undefined;
    }
    return new StreamableFile(object.body, { type: contentType, length: object.bytes, disposition: 'inline' });
  }
}
