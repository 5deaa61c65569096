import { MEDIA_ACCEPTED_MIME, MediaPurpose } from '@linli/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { AppConfig } from '../config/app-config';
import { PhotoProcessingGate } from './image/photo-processing-gate';
import { checkPixelLimit, processPhoto, ProcessedPhoto, TooManyPixelsError, UndecodableImageError } from './image/process-photo';
import { ProcessingQueueFullError } from './image/processing-queue';
import { sniffImageType } from './image/sniff-image-type';
import { MediaException } from './media-errors';
import { MediaFile } from './media-file.entity';
import { isMediaId, newMediaId } from './public-id';
import { STORAGE_DRIVER, StorageDriver, StoredObject } from './storage/storage-driver';
import { StorageUnavailableError } from './storage/storage-unavailable';
import { TransactionRunner } from '../database/transaction-runner';

const STORED_MIME = 'image/jpeg';

/**
 * What a 503 for a full decoder queue asks the client to wait: a queue of 16 photos on two decoders drains in
 * a few seconds, and the mini-program's upload retries on its own after it.
 */
export const UPLOADS_BUSY_RETRY_AFTER_SECONDS = 5;

/** A bucket that did not answer in time is usually back within seconds (a failover, a network blip). */
export const STORAGE_RETRY_AFTER_SECONDS = 10;

/** `case:123`, `deliberation:7` — what claims a photo. */
const ATTACH_TARGET = /^[a-z][a-z_]{0,31}:[A-Za-z0-9_-]{1,31}$/;

export interface UploadPhotoOptions {
  /** The client's Idempotency-Key (already validated); a repeat from the same user returns the first result. */
  idempotencyKey?: string | null;
}

export type MediaVariant = 'photo' | 'thumb';

export interface MediaDownload {
  file: MediaFile;
  object: StoredObject;
  contentType: string;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `photos/2024/11/<id>.jpg`: month folders keep any one directory small. */
function keysFor(id: string, now: Date): { storageKey: string; thumbKey: string } {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return { storageKey: `photos/${month}/${id}.jpg`, thumbKey: `thumbs/${month}/${id}.jpg` };
}

@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);

  constructor(
    @InjectRepository(MediaFile) private readonly files: Repository<MediaFile>,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly transactions: TransactionRunner,
    private readonly gate: PhotoProcessingGate,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks, cleans and stores one uploaded photo for its owner: the type is judged by content, the image is
   * decoded, turned upright, scaled down, re-encoded without any metadata (no EXIF GPS), and a thumbnail made.
   */
  async uploadPhoto(ownerUserId: number, data: Buffer, options: UploadPhotoOptions = {}): Promise<MediaFile> {
    const idempotencyKey = options.idempotencyKey ?? null;
    if (idempotencyKey) {
      const earlier = await this.files.findOneBy({ ownerUserId, idempotencyKey });
      if (earlier) return earlier;
    }

    const sourceMime = await sniffImageType(data);
    if (!sourceMime) throw new MediaException('unsupported_image_type', { accepted: [...MEDIA_ACCEPTED_MIME] });

    let processed: ProcessedPhoto;
    const maxPixels = this.config.mediaMaxPixels;
    try {
      // The header check runs before the queue: a bomb is refused at once and never holds a decoder's place.
      await checkPixelLimit(data, maxPixels);
      processed = await this.gate.run(() => processPhoto(data, { maxPixels }));
    } catch (error) {
      if (error instanceof TooManyPixelsError) {
        this.logger.warn({ msg: 'upload over the pixel limit', sourceMime, bytes: data.length, ...error.size, maxPixels });
        throw new MediaException('too_many_pixels', { ...error.size, maxPixels });
      }
      if (error instanceof ProcessingQueueFullError) {
        this.logger.warn({ msg: 'photo decoders busy, upload refused', waiting: error.waiting });
        throw new MediaException('uploads_busy', undefined, UPLOADS_BUSY_RETRY_AFTER_SECONDS);
      }
      if (!(error instanceof UndecodableImageError)) throw error;
      this.logger.warn({ msg: 'undecodable upload', sourceMime, bytes: data.length, reason: error.message });
      throw sourceMime === 'image/heic' || sourceMime === 'image/heif' ? new MediaException('heic_undecodable') : new MediaException('undecodable_image');
    }

    const id = newMediaId();
    const now = new Date();
    const { storageKey, thumbKey } = keysFor(id, now);
    // Bytes first, row second: a crash in between leaves an orphan file (harmless, sweepable), never a row
    // pointing at nothing.
    try {
      await this.storage.put(storageKey, processed.photo.data, STORED_MIME);
      await this.storage.put(thumbKey, processed.thumb.data, STORED_MIME);
    } catch (error) {
      await this.discard(storageKey, thumbKey);
      throw this.storageFailure(error, id);
    }

    const row = this.files.create({
      id,
      ownerUserId,
      purpose: 'generic',
      mime: STORED_MIME,
      sourceMime,
      bytes: processed.photo.data.length,
      width: processed.photo.width,
      height: processed.photo.height,
      storageKey,
      thumbKey,
      thumbBytes: processed.thumb.data.length,
      sha256: sha256(processed.photo.data),
      idempotencyKey,
      attachedTo: null,
      position: null,
      attachedAt: null,
    });
    try {
      return await this.files.save(row);
    } catch (error) {
      await this.discard(storageKey, thumbKey);
      // Two concurrent retries with one key: the loser hands back the winner's row.
      if (idempotencyKey && isUniqueViolation(error)) {
        const winner = await this.files.findOneBy({ ownerUserId, idempotencyKey });
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** The stored photo or its thumbnail, ready to stream; 404 for unknown ids or missing bytes. */
  async open(id: string, variant: MediaVariant): Promise<MediaDownload> {
    if (!isMediaId(id)) throw new MediaException('photo_not_found');
    const file = await this.files.findOneBy({ id });
    if (!file) throw new MediaException('photo_not_found');
    let object: StoredObject | null;
    try {
      object = await this.storage.get(variant === 'thumb' ? file.thumbKey : file.storageKey);
    } catch (error) {
      throw this.storageFailure(error, id);
    }
    if (!object) {
      this.logger.error({ msg: 'media row without stored bytes', id, variant });
      throw new MediaException('photo_not_found');
    }
    return { file, object, contentType: file.mime };
  }

  /**
   * Attaches a user's uploaded photos to what they are for (a new report, a case being resolved), in the
   * given order. Every id must exist, belong to the user and still be unattached, else nothing changes and a
   * 422 lists the bad ids. Pass the caller's EntityManager to run inside its transaction, so the photos are
   * claimed if and only if the report/case is written.
   */
  async claimPhotos(
    userId: number,
    ids: string[],
    purpose: MediaPurpose,
    attachTo: string,
    manager?: EntityManager,
  ): Promise<MediaFile[]> {
    if (!manager) {
      // Called on its own: still all-or-nothing.
      return this.transactions.run((own) => this.claimPhotos(userId, ids, purpose, attachTo, own));
    }
    if (!ATTACH_TARGET.test(attachTo)) throw new Error(`claimPhotos: malformed attach target ${JSON.stringify(attachTo)}`);
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];

    const repository = manager.getRepository(MediaFile);
    const wellFormed = wanted.filter(isMediaId);
    const found = wellFormed.length ? await repository.findBy({ id: In(wellFormed) }) : [];
    const byId = new Map(found.map((file) => [file.id, file]));
    const invalid = wanted.filter((id) => {
      const file = byId.get(id);
      return !file || file.ownerUserId !== userId || file.attachedTo !== null;
    });
    if (invalid.length) throw new MediaException('invalid_photo_claim', { invalidPhotoIds: invalid });

    const attachedAt = new Date();
    const claimed: MediaFile[] = [];
    for (const [position, id] of wanted.entries()) {
      // The attached_to IS NULL condition makes the claim safe against a concurrent claim of the same photo
      // that committed after our read: then nothing is updated and we refuse.
      const result = await repository.update({ id, ownerUserId: userId, attachedTo: IsNull() }, { purpose, attachedTo: attachTo, position, attachedAt });
      if (result.affected !== 1) throw new MediaException('invalid_photo_claim', { invalidPhotoIds: [id] });
      claimed.push(Object.assign(byId.get(id)!, { purpose, attachedTo: attachTo, position, attachedAt }));
    }
    return claimed;
  }

  /** Photos attached to a target (e.g. `case:123`), in claimed order; optionally only one purpose. */
  async listAttached(attachTo: string, purpose?: MediaPurpose, manager: EntityManager = this.files.manager): Promise<MediaFile[]> {
    return manager.getRepository(MediaFile).find({
      where: purpose ? { attachedTo: attachTo, purpose } : { attachedTo: attachTo },
      order: { purpose: 'ASC', position: 'ASC' },
    });
  }

  /** A storage backend that failed or timed out is a 503 the client may retry, logged for the operator. */
  private storageFailure(error: unknown, id: string): unknown {
    if (!(error instanceof StorageUnavailableError)) return error;
    this.logger.error({ msg: 'media storage unavailable', id, operation: error.operation, key: error.key, error: error.message });
    return new MediaException('storage_unavailable', undefined, STORAGE_RETRY_AFTER_SECONDS);
  }

  private async discard(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((error: unknown) => this.logger.warn({ msg: 'could not remove stored media', key, error: String(error) }));
    }
  }
}
