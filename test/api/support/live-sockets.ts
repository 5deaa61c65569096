import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, type LiveEvent, type LiveSubscribeAck } from '@linli/shared';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';

const ACK_MS = 5_000;

export interface LiveClient {
  socket: Socket;
  /** Every live event this socket received, in order of arrival. */
  events: LiveEvent[];
  subscribe(room: string, afterSeq?: number): Promise<LiveSubscribeAck>;
}

/**
 * Real socket.io clients against a test app's /live namespace: one per connect(), each remembering what it
 * received; close() disconnects them all (call it after each test).
 */
export class LiveSockets {
  private readonly sockets: Socket[] = [];

  private constructor(private readonly baseUrl: string) {}

  /** Starts the app listening on a free port (once) and returns a client factory for it. */
  static async on(app: INestApplication): Promise<LiveSockets> {
    const server = app.getHttpServer();
    if (!server.listening) await app.listen(0, '127.0.0.1');
    return new LiveSockets(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  async connect(token: string): Promise<LiveClient> {
    const socket = io(`${this.baseUrl}${LIVE_NAMESPACE}`, { path: LIVE_PATH, auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.sockets.push(socket);
    const events: LiveEvent[] = [];
    socket.on(LIVE_EVENTS.live, (event: LiveEvent) => events.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return {
      socket,
      events,
      subscribe: (room, afterSeq) => socket.timeout(ACK_MS).emitWithAck(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq }),
    };
  }

  close(): void {
    this.sockets.splice(0).forEach((s) => s.disconnect());
  }
}

/** Resolves once `check()` holds, polling; fails after `ms`. */
export async function waitFor(check: () => boolean, ms = ACK_MS): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for live events');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
