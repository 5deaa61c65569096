import {
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LIVE_PATH,
  LiveSeqTracker,
  type LiveConnectErrorData,
  type LiveErrorCode,
  type LiveEvent,
  type LiveSubscribeAck,
} from '@linli/shared';
import { io, WebSocket as WebSocketTransport, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/**
 * The mini-program's live channel: one socket.io connection to `/live`, any number of room
 * subscriptions on it. It carries out the client side of shared/src/realtime/protocol.ts: it remembers
 * the highest seq seen per room, drops duplicates, and after every reconnect re-subscribes each room
 * with that seq so the server replays what was missed.
 *
 * H5 uses socket.io-client as is. On weapp there is no global WebSocket: pass
 * `transports: [taroWebSocketTransport(Taro.connectSocket)]` (see below). That path follows the same
 * transport contract as the browser one but has not been run on a device yet.
 */

export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'unauthenticated';

type ConnectOptions = Partial<ManagerOptions & SocketOptions>;

export interface RealtimeClientOptions {
  /** API origin, e.g. `https://linli.example.cn`; empty for the page's own origin (H5). */
  baseUrl: string;
  /** The current access token, read at every (re)connect so a fresh sign-in is picked up. */
  token: () => string | null;
  /** socket.io transports; on weapp `[taroWebSocketTransport(Taro.connectSocket)]`. */
  transports?: ConnectOptions['transports'];
  /** Replaces socket.io-client's `io()` (tests use it to reach the underlying socket). */
  connect?: (url: string, options: ConnectOptions) => Socket;
  /** Extra socket.io options (reconnection delays and the like). */
  socketOptions?: ConnectOptions;
}

export interface RealtimeSubscribeOptions<TData> {
  /** Seq of the state the page already loaded over HTTP; only later events are delivered. */
  afterSeq?: number;
  /** Each event of the room exactly once, in seq order. */
  onEvent: (event: LiveEvent<TData>) => void;
  /** The server could not replay everything that was missed: reload the page state over HTTP. */
  onResync?: () => void;
  /** The server refused the room (e.g. `forbidden`); no further attempts are made for this listener. */
  onError?: (error: LiveErrorCode) => void;
}

interface Listener {
  onEvent: (event: LiveEvent) => void;
  onResync?: () => void;
  onError?: (error: LiveErrorCode) => void;
}

interface RoomState {
  listeners: Set<Listener>;
  refused: boolean;
}

export class RealtimeClient {
  private socket: Socket | null = null;
  private readonly rooms = new Map<string, RoomState>();
  private readonly seqs = new LiveSeqTracker();
  private readonly statusListeners = new Set<(status: RealtimeStatus) => void>();
  private currentStatus: RealtimeStatus = 'idle';

  constructor(private readonly options: RealtimeClientOptions) {}

  get status(): RealtimeStatus {
    return this.currentStatus;
  }

  /** Starts receiving a room's events; returns the function that stops it. */
  subscribe<TData = unknown>(room: string, options: RealtimeSubscribeOptions<TData>): () => void {
    if (options.afterSeq !== undefined) this.seqs.advance(room, options.afterSeq);
    const listener = options as unknown as Listener;
    let state = this.rooms.get(room);
    const isNewRoom = !state;
    if (!state) this.rooms.set(room, (state = { listeners: new Set(), refused: false }));
    state.listeners.add(listener);

    const socket = this.ensureSocket();
    // While disconnected, the 'connect' handler subscribes every room; emitting now would be sent twice.
    if (isNewRoom && socket.connected) this.sendSubscribe(room);
    return () => this.removeListener(room, listener);
  }

  /**
   * The page reloaded a room's state over HTTP, current up to `seq`: events up to it are not delivered again,
   * and a reconnect resumes from it. Ignored for rooms not subscribed.
   */
  advance(room: string, seq: number): void {
    if (this.rooms.has(room)) this.seqs.advance(room, seq);
  }

  /** Highest seq delivered for a room (what a reconnect resumes from). */
  lastSeq(room: string): number | undefined {
    return this.seqs.lastSeq(room);
  }

  onStatus(listener: (status: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Reconnects with the current token, e.g. after sign-in or after the server refused an expired one. */
  reconnect(): void {
    if (!this.socket) {
      if (this.rooms.size) this.ensureSocket();
      return;
    }
    this.socket.disconnect();
    this.setStatus('connecting');
    this.socket.connect();
  }

  close(): void {
    this.socket?.disconnect();
    this.socket?.removeAllListeners();
    this.socket = null;
    this.rooms.clear();
    this.setStatus('idle');
  }

  private ensureSocket(): Socket {
    if (this.socket) return this.socket;
    const connect = this.options.connect ?? io;
    const socket = connect(`${this.options.baseUrl}${LIVE_NAMESPACE}`, {
      path: LIVE_PATH,
      // A function, so every reconnect reads the token afresh.
      auth: (cb: (data: object) => void) => {
        const token = this.options.token();
        cb(token ? { token } : {});
      },
      ...(this.options.transports ? { transports: this.options.transports } : {}),
      ...this.options.socketOptions,
    });
    socket.on('connect', () => {
      this.setStatus('connected');
      for (const room of this.rooms.keys()) this.sendSubscribe(room);
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('disconnected');
      // The server closes a socket when its token expires; socket.io does not retry that by itself.
      // Reconnecting reads the current token: a refreshed one gets back in, an expired one ends in 'unauthenticated'.
      if (reason === 'io server disconnect' && this.socket === socket) {
        this.setStatus('connecting');
        socket.connect();
      }
    });
    socket.on('connect_error', (error: Error & { data?: LiveConnectErrorData }) => {
      // A refused handshake is not retried by socket.io; the app calls reconnect() after signing in again.
      this.setStatus(error.data?.error === 'unauthenticated' ? 'unauthenticated' : 'disconnected');
    });
    socket.on(LIVE_EVENTS.live, (event: LiveEvent) => this.deliver(event));
    this.socket = socket;
    this.setStatus('connecting');
    return socket;
  }

  private sendSubscribe(room: string): void {
    const state = this.rooms.get(room);
    if (!state || state.refused || !this.socket) return;
    const afterSeq = this.seqs.lastSeq(room);
    this.socket.emit(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq }, (ack: LiveSubscribeAck) => {
      const current = this.rooms.get(room);
      if (!current) return;
      if (!ack.ok) {
        // 'unavailable' is transient (the backlog could not be read); the next reconnect tries again.
        if (ack.error !== 'unavailable') current.refused = true;
        current.listeners.forEach((listener) => listener.onError?.(ack.error));
        return;
      }
      if (ack.resync) current.listeners.forEach((listener) => listener.onResync?.());
    });
  }

  private deliver(event: LiveEvent): void {
    const state = this.rooms.get(event.room);
    if (!state || !this.seqs.accept(event.room, event.seq)) return;
    state.listeners.forEach((listener) => listener.onEvent(event));
  }

  private removeListener(room: string, listener: Listener): void {
    const state = this.rooms.get(room);
    if (!state?.listeners.delete(listener) || state.listeners.size) return;
    this.rooms.delete(room);
    this.seqs.forget(room);
    if (this.socket?.connected) this.socket.emit(LIVE_EVENTS.unsubscribe, { room });
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.statusListeners.forEach((listener) => listener(status));
  }
}

export function createRealtimeClient(options: RealtimeClientOptions): RealtimeClient {
  return new RealtimeClient(options);
}

/** The part of Taro's SocketTask the weapp transport uses. */
interface TaroSocketTask {
  send(options: { data: string | ArrayBuffer }): unknown;
  close(options: { code?: number; reason?: string }): unknown;
  onOpen(callback: () => void): void;
  onClose(callback: (result: { code: number; reason: string }) => void): void;
  onError(callback: (result: { errMsg: string }) => void): void;
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void;
}

type TaroConnectSocket = (options: { url: string; protocols?: string[] }) => Promise<TaroSocketTask>;

/**
 * Presents a Taro SocketTask as the browser WebSocket object engine.io's websocket transport drives
 * (on* handlers, send, close). Sends made before the task exists are queued.
 */
class TaroWebSocketShim {
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private task: TaroSocketTask | null = null;
  private pending: Array<string | ArrayBuffer> = [];
  private closed = false;

  constructor(connectSocket: TaroConnectSocket, url: string, protocols?: string | string[]) {
    connectSocket({ url, ...(protocols ? { protocols: ([] as string[]).concat(protocols) } : {}) }).then(
      (task) => {
        this.task = task;
        task.onOpen(() => {
          this.pending.forEach((data) => task.send({ data }));
          this.pending = [];
          this.onopen?.();
        });
        task.onMessage((message) => this.onmessage?.({ data: message.data }));
        task.onError((error) => this.onerror?.(error));
        task.onClose((result) => this.onclose?.(result));
        if (this.closed) task.close({});
      },
      (error: unknown) => {
        this.onerror?.(error);
        this.onclose?.({ code: 1006, reason: 'connectSocket failed' });
      },
    );
  }

  send(data: string | ArrayBuffer): void {
    if (this.task) this.task.send({ data });
    else this.pending.push(data);
  }

  close(): void {
    this.closed = true;
    this.task?.close({});
  }
}

/** engine.io websocket transport on top of `Taro.connectSocket`, for the weapp build. */
export function taroWebSocketTransport(connectSocket: TaroConnectSocket): typeof WebSocketTransport {
  return class TaroWebSocketTransport extends WebSocketTransport {
    createSocket(uri: string, protocols: string | string[] | undefined): unknown {
      return new TaroWebSocketShim(connectSocket, uri, protocols);
    }

    doWrite(_packet: unknown, data: string | ArrayBuffer): void {
      this.ws.send(data);
    }
  };
}
