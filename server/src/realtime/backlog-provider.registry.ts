import { Injectable } from '@nestjs/common';
import type { LiveEventInput, LiveRoomRef } from '@linli/shared';

/**
 * Reads a room's stored events with `seq > afterSeq` from the feature's own records, oldest first,
 * at most `limit` of them. This is what a reconnecting client catches up from.
 */
export type BacklogProvider = (room: LiveRoomRef, afterSeq: number, limit: number) => Promise<LiveEventInput[]>;

/** One backlog provider per room kind, registered by the feature that owns the kind. */
@Injectable()
export class BacklogProviderRegistry {
  private readonly providers = new Map<string, BacklogProvider>();

  register(kind: string, provider: BacklogProvider): void {
    if (this.providers.has(kind)) throw new Error(`a backlog provider for "${kind}" is already registered`);
    this.providers.set(kind, provider);
  }

  get(kind: string): BacklogProvider | undefined {
    return this.providers.get(kind);
  }
}
