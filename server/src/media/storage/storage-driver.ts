import { Readable } from 'node:stream';

/** A stored object as read back: a stream of its bytes and their count (for Content-Length). */
export interface StoredObject {
  body: Readable;
  bytes: number;
}

/**
 * Where media bytes live: the local disk (the embedded default, LocalDiskStorage) or an S3-compatible bucket
 * (S3Storage), chosen by createStorageDriver and injected through the STORAGE_DRIVER token. Keys are relative,
 * slash-separated paths such as `photos/2024/11/abc.jpg`. A backend that fails or does not answer in time
 * throws StorageUnavailableError (the request answers 503), never hangs.
 */
export interface StorageDriver {
  /** Stores the bytes under the key, replacing anything there; readers never see a half-written object. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Injection token for the StorageDriver in use. */
export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');
