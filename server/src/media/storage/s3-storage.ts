import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { StorageDriver, StoredObject } from './storage-driver';
import { assertSafeStorageKey } from './storage-key';
import { StorageUnavailableError } from './storage-unavailable';

export interface S3StorageOptions {
  /** An S3-compatible endpoint (Aliyun OSS, Tencent COS, MinIO); undefined = AWS itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, most self-hosted stores) instead of `bucket.endpoint/key` (OSS, COS, AWS). */
  forcePathStyle: boolean;
  /** The longest one call may take, all retries included; for a download, until its headers arrive. */
  timeoutMs: number;
}

/** What every S3-compatible store answers for a key with nothing under it (GET: NoSuchKey, HEAD: NotFound). */
function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

/**
 * Photos in an S3-compatible bucket, so every server process behind a balancer sees the same ones.
 * Objects are read back through the server (streamed), not handed out as presigned URLs: see MediaController.
 */
export class S3Storage implements StorageDriver {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Connecting, and a socket that goes quiet mid-body, each give up after the same time; the overall
      // deadline of a call is the AbortSignal in call().
      requestHandler: { connectionTimeout: options.timeoutMs, socketTimeout: options.timeoutMs },
      // Newer SDKs add CRC checksums to every upload and insist on them in answers; OSS, COS and older MinIO
      // refuse or omit those. Only operations that require one send one; the photo's own SHA-256 is in its row.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertSafeStorageKey(key);
    // A PUT replaces the object whole: readers see the old bytes or the new, never part of them.
    await this.call('put', key, (abortSignal) =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length }),
        { abortSignal },
      ),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeStorageKey(key);
    const answer = await this.call('get', key, (abortSignal) => this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }), { abortSignal }));
    if (answer === null) return null;
    const body = answer.Body;
    if (!(body instanceof Readable) || answer.ContentLength === undefined) {
      if (body instanceof Readable) body.destroy();
      throw new StorageUnavailableError('get', key, new Error('answer without a readable body and its length'));
    }
    return { body, bytes: answer.ContentLength };
  }

  async delete(key: string): Promise<void> {
    assertSafeStorageKey(key);
    // S3 answers a delete of a missing key with success, as the interface wants.
    await this.call('delete', key, (abortSignal) => this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }), { abortSignal }));
  }

  async exists(key: string): Promise<boolean> {
    assertSafeStorageKey(key);
    const answer = await this.call('exists', key, (abortSignal) => this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }), { abortSignal }));
    return answer !== null;
  }

  /** Lets go of the client's pooled connections when the app shuts down. */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  /**
   * Runs one SDK call under a deadline covering all its retries: null when there is no such object, else
   * its answer, else StorageUnavailableError. The timer stops once the answer's headers are in, so a
   * download streaming to a slow phone is not cut off (a stalled socket still is, by socketTimeout).
   */
  private async call<T>(operation: string, key: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T | null> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      return await send(deadline.signal);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new StorageUnavailableError(operation, key, deadline.signal.aborted ? new Error(`no answer within ${this.options.timeoutMs} ms`) : error);
    } finally {
      clearTimeout(timer);
    }
  }
}
