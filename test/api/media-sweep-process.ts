/**
 * A second server process on the same database and media directory that runs the unclaimed-upload sweep when
 * told to, and tells which stored objects it removed (its StorageDriver is wrapped to record every delete).
 */
import type { MediaSweepReport } from '../../server/src/media/unclaimed-media-sweep.service';
import { SecondServer } from './support/second-server';

/** What one sweep in the second process did: its report, and the storage keys it deleted. */
export interface RemoteMediaSweep extends MediaSweepReport {
  deletedKeys: string[];
}

export class MediaSweepingProcess {
  private constructor(private readonly server: SecondServer) {}

  static async start(databaseUrl: string, mediaDir: string): Promise<MediaSweepingProcess> {
    const commands = `(app, load) => {
      const storage = app.get(load('server/src/media/storage/storage-driver.ts').STORAGE_DRIVER);
      let deletedKeys = [];
      const remove = storage.delete.bind(storage);
      storage.delete = (key) => { deletedKeys.push(key); return remove(key); };
      const sweep = app.get(load('server/src/media/unclaimed-media-sweep.service.ts').UnclaimedMediaSweep);
      return {
        sweep: async (at) => {
          deletedKeys = [];
          return { ...(await sweep.sweepOnce(new Date(at))), deletedKeys };
        },
      };
    }`;
    return new MediaSweepingProcess(await SecondServer.start({ databaseUrl, mediaDir }, commands));
  }

  sweep(at: Date): Promise<RemoteMediaSweep> {
    return this.server.ask<RemoteMediaSweep>('sweep', at.toISOString());
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
