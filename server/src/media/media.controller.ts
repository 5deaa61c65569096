import { UploadedPhoto } from '@linli/shared';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { Public } from '../auth/public.decorator';
import { MediaException } from './media-errors';
import { MediaService, MediaVariant } from './media.service';
import { readUploadedPhoto } from './photo-part';
import { toUploadedPhoto } from './uploaded-photo';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{1,64}$/;

/** A photo never changes under its id, so clients and CDNs may keep it for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function parseIdempotencyKey(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!IDEMPOTENCY_KEY.test(value)) throw new MediaException('bad_idempotency_key');
  return value;
}

@Controller('media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** One photo per request (multipart field `file`), so each upload shows its own progress and retries alone. */
  @Post('photos')
  @HttpCode(201)
  @Permission('media.upload')
  @RateLimit('uploads')
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
  ): Promise<UploadedPhoto> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const photo = await readUploadedPhoto(req);
    const stored = await this.media.uploadPhoto(user.id, photo, { idempotencyKey });
    return toUploadedPhoto(stored);
  }

  /**
   * Photos are read without a token (the mini-program's <Image> cannot send one); the random id is the secret.
   * They are streamed through the server from whichever storage holds them, not redirected to a presigned
   * bucket URL: a photo keeps one URL that phones and a CDN may cache for a year (a presigned URL expires and
   * changes), the mini-program loads images only from domains registered in its console (the API's, not also
   * the bucket's), the bucket stays private and may sit on an internal endpoint, and ETag/304 keep working.
   * Stored photos are JPEGs of at most 2560 px (a few hundred KB), so the cost is modest server bandwidth.
   */
  @Get(':id')
  @Public()
  photo(@Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    return this.stream(id, 'photo', ifNoneMatch, res);
  }

  @Get(':id/thumb')
  @Public()
  thumb(@Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    return this.stream(id, 'thumb', ifNoneMatch, res);
  }

  private async stream(id: string, variant: MediaVariant, ifNoneMatch: string | undefined, res: FastifyReply): Promise<StreamableFile | undefined> {
    const { file, object, contentType } = await this.media.open(id, variant);
    const etag = `"${file.sha256.slice(0, 32)}${variant === 'thumb' ? '-t' : ''}"`;
    res.header('Cache-Control', IMMUTABLE);
    res.header('ETag', etag);
    res.header('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch === etag) {
      object.body.destroy();
      res.status(304);
      return undefined;
    }
    return new StreamableFile(object.body, { type: contentType, length: object.bytes, disposition: 'inline' });
  }
}
