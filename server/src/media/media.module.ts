import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { PhotoProcessingGate } from './image/photo-processing-gate';
import { MediaController } from './media.controller';
import { MediaFile } from './media-file.entity';
import { MediaService } from './media.service';
import { createStorageDriver } from './storage/create-storage-driver';
import { STORAGE_DRIVER } from './storage/storage-driver';
import { UnclaimedMediaSweep } from './unclaimed-media-sweep.service';

/**
 * Photo uploads and downloads. Other modules import it for MediaService.claimPhotos (attach photos to a
 * report or case inside their transaction) and toUploadedPhoto (render them). Uploads nobody claims are
 * deleted after MEDIA_UNCLAIMED_HOURS by UnclaimedMediaSweep. Bytes live behind STORAGE_DRIVER: the local disk or
 * an S3-compatible bucket (MEDIA_STORAGE).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MediaFile])],
  controllers: [MediaController],
  providers: [
    MediaService,
    PhotoProcessingGate,
    UnclaimedMediaSweep,
    { provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: createStorageDriver },
  ],
  exports: [MediaService],
})
export class MediaModule {}
