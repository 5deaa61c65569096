/**
 * Room names. A room is `<kind>:<id>`; the kind may itself contain colons (`inbox:user`), so the id is
 * whatever follows the last colon. Server and client build names with liveRoom() so nobody spells them by hand.
 */
export const LIVE_ROOM_KINDS = ['case', 'case:public', 'inbox:user', 'inbox:department', 'inbox:community', 'inbox:street', 'poll'] as const;
export type LiveRoomKind = (typeof LIVE_ROOM_KINDS)[number];

export interface LiveRoomRef {
  kind: string;
  id: string;
}

const KIND_PATTERN = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)*$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ROOM_LENGTH = 128;

export function liveRoom(kind: LiveRoomKind | (string & {}), id: number | string): string {
  const name = `${kind}:${id}`;
  if (!parseLiveRoom(name)) throw new Error(`invalid live room ${JSON.stringify(name)}`);
  return name;
}

/** Splits a room name into kind and id, or null when it is not a well-formed room name. */
export function parseLiveRoom(name: unknown): LiveRoomRef | null {
  if (typeof name !== 'string' || name.length > MAX_ROOM_LENGTH) return null;
  const cut = name.lastIndexOf(':');
  if (cut <= 0) return null;
  const kind = name.slice(0, cut);
  const id = name.slice(cut + 1);
  if (!KIND_PATTERN.test(kind) || !ID_PATTERN.test(id)) return null;
  return { kind, id };
}

/** A room id as a positive integer (most rooms are keyed by a database id), or null. */
export function liveRoomNumericId(ref: LiveRoomRef): number | null {
  if (!/^[1-9][0-9]{0,14}$/.test(ref.id)) return null;
  return Number(ref.id);
}
