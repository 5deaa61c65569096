import { AppConfig } from '../../config/app-config';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage } from './s3-storage';
import { StorageDriver } from './storage-driver';

/**
 * The one place the storage backend is chosen: the local disk by default (one process), or an S3-compatible
 * bucket (MEDIA_STORAGE=s3), which every process behind a balancer shares.
 */
export function createStorageDriver(config: AppConfig): StorageDriver {
  if (config.mediaStorage === 'local') return new LocalDiskStorage(config.mediaDir);
  const { s3Bucket, s3AccessKeyId, s3SecretAccessKey } = config;
  // The configuration is validated to have these when MEDIA_STORAGE=s3; this only convinces the compiler.
  if (!s3Bucket || !s3AccessKeyId || !s3SecretAccessKey) throw new Error('MEDIA_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  return new S3Storage({
    endpoint: config.s3Endpoint,
    bucket: s3Bucket,
    region: config.s3Region,
    accessKeyId: s3AccessKeyId,
    secretAccessKey: s3SecretAccessKey,
    forcePathStyle: config.s3ForcePathStyle,
    timeoutMs: config.s3TimeoutMs,
  });
}
