/**
 * A second server process on the same database and photo storage (media directory or bucket) that runs the
 * unclaimed-upload sweep when told to, and tells which stored objects it removed (its StorageDriver is wrapped
 * to record every delete). It can also serve HTTP on a loopback port of its own.
 */
import type { MediaSweepReport } from '../../server/src/media/unclaimed-media-sweep.service';
import { SecondServer } from './support/second-server';

/** What one sweep in the second process did: its report, and the storage keys it deleted. */
export interface RemoteMediaSweep extends MediaSweepReport {
  deletedKeys: string[];
}

export class MediaSweepingProcess {
  private constructor(private readonly server: SecondServer) {}

  /** `config`: the database and the storage settings of the first process (mediaDir, or MEDIA_STORAGE=s3 and the bucket). */
  static async start(config: Record<string, unknown>): Promise<MediaSweepingProcess> {
    const commands = `(app, load) => {
      const storage = app.get(load('server/src/media/storage/storage-driver.ts').STORAGE_DRIVER);
      let deletedKeys = [];
      const remove = storage.delete.bind(storage);
      storage.delete = (key) => { deletedKeys.push(key); return remove(key); };
      const sweep = app.get(load('server/src/media/unclaimed-media-sweep.service.ts').UnclaimedMediaSweep);
      return {
        listen: async () => {
          await app.listen(0, '127.0.0.1');
          return app.getHttpServer().address().port;
        },
        sweep: async (at) => {
          deletedKeys = [];
          return { ...(await sweep.sweepOnce(new Date(at))), deletedKeys };
        },
      };
    }`;
    return new MediaSweepingProcess(await SecondServer.start(config, commands));
  }

  /** Starts serving HTTP; answers its base URL. */
  async listen(): Promise<string> {
    return `http://127.0.0.1:${await this.server.ask<number>('listen')}`;
  }

  sweep(at: Date): Promise<RemoteMediaSweep> {
    return this.server.ask<RemoteMediaSweep>('sweep', at.toISOString());
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
