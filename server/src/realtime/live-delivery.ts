import { Injectable, Logger } from '@nestjs/common';
import { LIVE_EVENTS, type LiveEvent } from '@linli/shared';
import type { Namespace } from 'socket.io';

/** Server-to-server event that carries a published LiveEvent to the other processes. */
const FANOUT_EVENT = 'linli:live-event';

/**
 * Puts events on the wire for the sockets of this process, and hands them to the other processes when
 * a cluster adapter is attached. It also holds back live events for a socket that is still being sent
 * its backlog, so that a reconnecting client sees missed events strictly before newer live ones.
 */
@Injectable()
export class LiveDelivery {
  private readonly logger = new Logger(LiveDelivery.name);
  private nsp: Namespace | null = null;
  private clustered = false;
  /** room → socket id → live events held while that socket reads the room's backlog. */
  private readonly held = new Map<string, Map<string, LiveEvent[]>>();

  attach(nsp: Namespace): void {
    this.nsp = nsp;
    nsp.on(FANOUT_EVENT, (event: LiveEvent) => this.deliverLocally(event));
  }

  /** Called once the Redis adapter is in place: from then on publish() also reaches other processes. */
  enableClusterFanout(): void {
    this.clustered = true;
  }

  publish(event: LiveEvent): void {
    if (!this.nsp) {
      this.logger.warn({ room: event.room, seq: event.seq }, 'live event published before the gateway started; dropped');
      return;
    }
    this.deliverLocally(event);
    if (this.clustered) this.nsp.serverSideEmit(FANOUT_EVENT, event);
  }

  /** Starts holding the room's live events for this socket (call before joining the room). */
  hold(room: string, socketId: string): void {
    let sockets = this.held.get(room);
    if (!sockets) this.held.set(room, (sockets = new Map()));
    sockets.set(socketId, []);
  }

  /** Stops holding and returns what arrived meanwhile; the caller must send it before yielding. */
  release(room: string, socketId: string): LiveEvent[] {
    const sockets = this.held.get(room);
    const events = sockets?.get(socketId) ?? [];
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.held.delete(room);
    return events;
  }

  /** Forgets every hold of a socket that went away mid-catch-up. */
  forgetSocket(socketId: string): void {
    for (const room of [...this.held.keys()]) this.release(room, socketId);
  }

  private deliverLocally(event: LiveEvent): void {
    if (!this.nsp) return;
    const holders = this.held.get(event.room);
    // Most events go to rooms nobody in this process has open (an inbox whose owner is offline, a case page
    // nobody is watching): skip encoding them for no one.
    if (!holders && !this.nsp.adapter.rooms.get(event.room)?.size) return;
    const target = this.nsp.local.to(event.room);
    (holders ? target.except([...holders.keys()]) : target).emit(LIVE_EVENTS.live, event);
    holders?.forEach((events) => events.push(event));
  }
}
