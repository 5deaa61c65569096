/**
 * The live-update protocol between the server's `/live` socket.io namespace and its clients.
 *
 * Transport: socket.io on the API's own HTTP server, path `/socket.io`, namespace `/live`.
 * Authentication: the handshake carries `auth: { token }` with the same access token as HTTP
 * (`Authorization: Bearer …`). A bad or expired token is refused at connect (`connect_error` with
 * `data.error === 'unauthenticated'`). Without a token the socket is anonymous and may only join rooms
 * whose kind is registered as public.
 *
 * Rooms: `case:<id>`, `inbox:user:<id>`, `inbox:department:<id>`, `inbox:community:<id>`, `poll:<id>`
 * (see rooms.ts). Each room has a stream of events with a per-room, strictly increasing `seq` that comes
 * from the feature's own stored record (a case timeline entry, an inbox item, a tally version), so the
 * server can always re-read what a client missed. Live delivery is an optimisation; the record is the
 * source of truth.
 *
 * Subscribing (client → server, with acknowledgement):
 *   emit('subscribe', { room, afterSeq? }, ack)
 *   - The server asks the room kind's authoriser; an unknown kind, a malformed name or a refusal answers
 *     `{ ok: false, room, error: 'forbidden' | 'bad_request' }` and the socket does not join.
 *   - With `afterSeq`, the server joins the socket to the room, reads every stored event with
 *     `seq > afterSeq` from the kind's backlog provider and sends them as ordinary `live` messages, in seq
 *     order, *before* any live event of that room; live events that arrive meanwhile are held and sent
 *     after the backlog, minus those the backlog already contained. It then acks
 *     `{ ok: true, room, lastSeq }`, where lastSeq is the highest seq the socket has been sent (or
 *     afterSeq when nothing was missed). Newer live events may already follow the backlog before the
 *     ack arrives; clients order by the `live` messages, not by the ack.
 *   - When more than LIVE_BACKLOG_MAX events were missed the server sends none of them and acks
 *     `{ ok: true, room, resync: true }`: the page should reload its state over HTTP and subscribe again
 *     with the seq of what it loaded.
 *   - Without `afterSeq` the socket just joins; only events published from then on arrive.
 *   emit('unsubscribe', { room }, ack) leaves the room.
 *
 * Events (server → client): `live` with a LiveEvent `{ room, seq, type, data, at }`.
 *
 * Client duties (miniapp/src/services/realtime-client.ts does all of this):
 *   1. Load the state over HTTP first, note its seq, and subscribe with `afterSeq` = that seq, so nothing
 *      published between the page load and the subscription is lost.
 *   2. Keep the highest seq applied per room; drop any event whose seq is not above it (duplicates).
 *   3. After every reconnect, re-subscribe every room with `afterSeq` = its highest seq.
 *
 * Publisher duties (server features): assign seq inside the transaction that writes the record, in commit
 * order per room (e.g. under the case row's lock), and publish only after the transaction commits.
 */

/** socket.io namespace of the live channel. */
export const LIVE_NAMESPACE = '/live';
/** socket.io path on the API server. */
export const LIVE_PATH = '/socket.io';

/** Socket event names used on the live namespace. */
export const LIVE_EVENTS = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  live: 'live',
} as const;

/** Most missed events one subscribe replays; beyond this the client is told to resync over HTTP. */
export const LIVE_BACKLOG_MAX = 500;

/** One event in a room's stream. `type` names what happened (e.g. `case.status_changed`); `data` is its payload. */
export interface LiveEvent<TData = unknown, TType extends string = string> {
  room: string;
  seq: number;
  type: TType;
  data: TData;
  /** ISO time the event was recorded. */
  at: string;
}

/** What a publisher hands over; the room is given separately. */
export type LiveEventInput<TData = unknown, TType extends string = string> = Omit<LiveEvent<TData, TType>, 'room' | 'at'> & {
  at?: string;
};

export interface LiveSubscribeRequest {
  room: string;
  /** Highest seq the client already has for this room; omitted on a first subscription without state. */
  afterSeq?: number;
}

export interface LiveUnsubscribeRequest {
  room: string;
}

export type LiveErrorCode = 'bad_request' | 'forbidden' | 'unavailable';

export type LiveSubscribeAck =
  | { ok: true; room: string; lastSeq: number | null; resync?: boolean }
  | { ok: false; room: string; error: LiveErrorCode };

export type LiveUnsubscribeAck = { ok: true; room: string } | { ok: false; room: string; error: LiveErrorCode };

/** `connect_error` data the server attaches when it refuses a handshake. */
export interface LiveConnectErrorData {
  error: 'unauthenticated';
  message: string;
}
