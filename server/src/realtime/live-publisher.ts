import { Injectable } from '@nestjs/common';
import { parseLiveRoom, type LiveEvent, type LiveEventInput } from '@linli/shared';
import { LiveDelivery } from './live-delivery';

/**
 * What features call to push an event to a room. Call it only after the transaction that stored the
 * event's record has committed: a client that misses the push catches up from that record, so a push
 * for a record that was rolled back would show something that never happened.
 */
@Injectable()
export class LivePublisher {
  constructor(private readonly delivery: LiveDelivery) {}

  publish<TData>(room: string, event: LiveEventInput<TData>): LiveEvent<TData> {
    if (!parseLiveRoom(room)) throw new Error(`invalid live room ${JSON.stringify(room)}`);
    if (!Number.isSafeInteger(event.seq) || event.seq < 1) throw new Error(`live event seq must be a positive integer, got ${event.seq}`);
    const full: LiveEvent<TData> = { room, seq: event.seq, type: event.type, data: event.data, at: event.at ?? new Date().toISOString() };
    this.delivery.publish(full);
    return full;
  }
}
