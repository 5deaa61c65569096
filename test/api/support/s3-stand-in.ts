import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { AppConfig } from '../../../server/src/config/app-config';

const BUCKET = 'linli-photos';
// s3rver's built-in account: it refuses any other access key id (it does not verify SigV4 signatures themselves).
const KEY_ID = 'S3RVER';
const SECRET = 'S3RVER';

export type S3Settings = Pick<AppConfig, 'mediaStorage' | 's3Endpoint' | 's3Bucket' | 's3AccessKeyId' | 's3SecretAccessKey' | 's3ForcePathStyle'>;

/**
 * A local S3-compatible server (s3rver, on a loopback port, files in a temp directory) with one bucket, and
 * the settings that point the app at it. `keys()` lists what the bucket holds, through the S3 API itself.
 */
export class S3StandIn {
  private constructor(
    private readonly server: S3rver,
    private readonly directory: string,
    readonly settings: S3Settings,
    private readonly client: S3Client,
  ) {}

  static async start(): Promise<S3StandIn> {
    const directory = mkdtempSync(join(tmpdir(), 'linli-s3-'));
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, resetOnClose: true, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    const settings: S3Settings = {
      mediaStorage: 's3',
      s3Endpoint: endpoint,
      s3Bucket: BUCKET,
      s3AccessKeyId: KEY_ID,
      s3SecretAccessKey: SECRET,
      s3ForcePathStyle: true,
    };
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3StandIn(server, directory, settings, client);
  }

  /** Every key in the bucket, sorted. */
  async keys(): Promise<string[]> {
    const listed = await this.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
  }

  /** Removes an object behind the app's back (a bucket emptied by hand, a lifecycle rule). */
  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  }

  async stop(): Promise<void> {
    this.client.destroy();
    await this.server.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/**
 * A bucket that never answers: it accepts connections and then says nothing, as an overloaded or
 * half-partitioned store does. `settings` point the app at it.
 */
export class SilentBucket {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly settings: S3Settings,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(): Promise<SilentBucket> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('silent bucket did not get a port');
    return new SilentBucket(server, {
      mediaStorage: 's3',
      s3Endpoint: `http://127.0.0.1:${address.port}`,
      s3Bucket: BUCKET,
      s3AccessKeyId: KEY_ID,
      s3SecretAccessKey: SECRET,
      s3ForcePathStyle: true,
    });
  }

  /** How many connections the app has opened to it (and is waiting on). */
  get connections(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
