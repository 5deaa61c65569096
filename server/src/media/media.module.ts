import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { PhotoProcessingGate } from './image/photo-processing-gate';
import { MediaController } from './media.controller';
import { MediaFile } from './media-file.entity';
import { MediaService } from './media.service';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { STORAGE_DRIVER } from './storage/storage-driver';
import { UnclaimedMediaSweep } from './unclaimed-media-sweep.service';

/**
 * Photo uploads and downloads. Other modules import it for MediaService.claimPhotos (attach photos to a
 * report or case inside their transaction) and toUploadedPhoto (render them). Uploads nobody claims are
 * deleted after MEDIA_UNCLAIMED_HOURS by UnclaimedMediaSweep.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MediaFile])],
  controllers: [MediaController],
  providers: [
    MediaService,
    PhotoProcessingGate,
    UnclaimedMediaSweep,
    // The one place the storage backend is chosen; an object store would be another provider here.
    { provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.mediaDir) },
  ],
  exports: [MediaService],
})
export class MediaModule {}
