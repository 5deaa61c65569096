import { parseLiveRoom, type LiveRoomRef } from '@linli/shared';

export interface ParsedSubscribe {
  name: string;
  ref: LiveRoomRef;
  afterSeq: number | null;
}

/** Reads a `subscribe`/`unsubscribe` body from an untrusted client; null when it is malformed. */
export function parseLiveSubscribe(body: unknown): ParsedSubscribe | null {
  if (!body || typeof body !== 'object') return null;
  const { room, afterSeq } = body as Record<string, unknown>;
  const ref = parseLiveRoom(room);
  if (!ref) return null;
  if (afterSeq !== undefined && afterSeq !== null && (!Number.isSafeInteger(afterSeq) || (afterSeq as number) < 0)) return null;
  return { name: room as string, ref, afterSeq: typeof afterSeq === 'number' ? afterSeq : null };
}

/** The room name of an unparseable body, echoed in the error ack when it is at least a string. */
export function roomOf(body: unknown): string {
  const room = body && typeof body === 'object' ? (body as Record<string, unknown>).room : undefined;
  return typeof room === 'string' ? room.slice(0, 128) : '';
}
