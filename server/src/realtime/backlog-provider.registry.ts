import { Injectable } from '@nestjs/common';
import type { LiveEventInput, LiveRoomRef } from '@linli/shared';

/** A provider's answer when the record is too long to read through: the client reloads the whole view instead. */
export const BACKLOG_TOO_LONG = 'too_long';

/**
 * Reads a room's stored events with `seq > afterSeq` from the feature's own records, oldest first,
 * at most `limit` of them. This is what a reconnecting client catches up from. A provider that must sift a
 * shared record (many rooms' changes in one log) may give up past a bound with BACKLOG_TOO_LONG.
 */
export type BacklogProvider = (room: LiveRoomRef, afterSeq: number, limit: number) => Promise<LiveEventInput[] | typeof BACKLOG_TOO_LONG>;

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
