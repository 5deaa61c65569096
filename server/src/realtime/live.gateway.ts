import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  LIVE_BACKLOG_MAX,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LIVE_PATH,
  type LiveConnectErrorData,
  type LiveEvent,
  type LiveSubscribeAck,
  type LiveUnsubscribeAck,
} from '@linli/shared';
import type { Namespace, Socket } from 'socket.io';
import { BACKLOG_TOO_LONG, BacklogProviderRegistry } from './backlog-provider.registry';
import { mergeCatchUp } from './catch-up';
import { LiveDelivery } from './live-delivery';
import { parseLiveSubscribe, roomOf, type ParsedSubscribe } from './live-requests';
import { LiveRedisAdapter } from './live-redis-adapter';
import { LiveAuthError, LiveSocketAuthenticator } from './live-socket-authenticator';
import type { LiveSocketData } from './live-user';
import { RoomAuthorizerRegistry } from './room-authorizer.registry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LiveSocket = Socket<any, any, any, LiveSocketData & { queue?: Promise<unknown>; expiryTimer?: NodeJS.Timeout }>;

/**
 * The `/live` namespace on the API's own HTTP server. The handshake authenticates; `subscribe` checks
 * the room kind's authoriser, replays the backlog after `afterSeq`, and only then lets live events through.
 * The protocol is described in shared/src/realtime/protocol.ts.
 */
@WebSocketGateway({
  namespace: LIVE_NAMESPACE,
  path: LIVE_PATH,
  serveClient: false,
  // CORS for the long-polling transport is the API's own rule (CORS_ORIGINS), set by CorsIoAdapter.
})
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly authenticator: LiveSocketAuthenticator,
    private readonly authorizers: RoomAuthorizerRegistry,
    private readonly backlogs: BacklogProviderRegistry,
    private readonly delivery: LiveDelivery,
    private readonly redisAdapter: LiveRedisAdapter,
  ) {}

  afterInit(nsp: Namespace): void {
    if (this.redisAdapter.attach(nsp.server)) this.delivery.enableClusterFanout();
    this.delivery.attach(nsp);
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      this.authenticator.authenticate(token).then(
        (identity) => {
          Object.assign(socket.data as LiveSocketData, identity);
          next();
        },
        (error: unknown) => {
          const refused = new Error('unauthenticated') as Error & { data: LiveConnectErrorData };
          refused.data = {
            error: 'unauthenticated',
            message: error instanceof LiveAuthError ? error.message : '登录凭证无效，请重新登录',
          };
          if (!(error instanceof LiveAuthError)) this.logger.error({ err: error }, 'live handshake failed');
          next(refused);
        },
      );
    });
  }

  /**
   * Grants were read at the handshake, so a socket may not outlive its token: it is closed at expiry
   * and the client reconnects with a fresh token, which also re-reads the grants.
   */
  handleConnection(socket: LiveSocket): void {
    const { expiresAt } = socket.data;
    if (expiresAt === null) return;
    // setTimeout overflows past ~24.8 days; tokens live hours, so clamp rather than fire at once.
    const delay = Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1);
    socket.data.expiryTimer = setTimeout(() => socket.disconnect(true), delay);
    socket.data.expiryTimer.unref();
  }

  handleDisconnect(socket: LiveSocket): void {
    clearTimeout(socket.data.expiryTimer);
    this.delivery.forgetSocket(socket.id);
  }

  @SubscribeMessage(LIVE_EVENTS.subscribe)
  subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveSubscribeAck> {
    const request = parseLiveSubscribe(body);
    if (!request) return Promise.resolve({ ok: false, room: roomOf(body), error: 'bad_request' });
    // One socket's subscriptions run one after another so two catch-ups of one room cannot interleave.
    return this.serially(socket, () => this.join(socket, request));
  }

  @SubscribeMessage(LIVE_EVENTS.unsubscribe)
  unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveUnsubscribeAck> {
    const request = parseLiveSubscribe(body);
    if (!request) return Promise.resolve({ ok: false, room: roomOf(body), error: 'bad_request' });
    return this.serially(socket, async () => {
      await socket.leave(request.name);
      return { ok: true, room: request.name } as const;
    });
  }

  private async join(socket: LiveSocket, { name, ref, afterSeq }: ParsedSubscribe): Promise<LiveSubscribeAck> {
    if (!(await this.authorizers.authorize(socket.data.user, ref))) return { ok: false, room: name, error: 'forbidden' };
    if (socket.disconnected) return { ok: false, room: name, error: 'unavailable' };
    const provider = this.backlogs.get(ref.kind);
    if (afterSeq === null || !provider) {
      await socket.join(name);
      return { ok: true, room: name, lastSeq: afterSeq };
    }

    this.delivery.hold(name, socket.id);
    let backlog: LiveEvent[];
    try {
      await socket.join(name);
      const stored = await provider(ref, afterSeq, LIVE_BACKLOG_MAX + 1);
      if (stored === BACKLOG_TOO_LONG) {
        this.delivery.release(name, socket.id);
        return { ok: true, room: name, lastSeq: null, resync: true };
      }
      const at = new Date().toISOString();
      backlog = stored.map((event) => ({ room: name, seq: event.seq, type: event.type, data: event.data, at: event.at ?? at }));
    } catch (error) {
      this.delivery.release(name, socket.id);
      await socket.leave(name);
      this.logger.error({ err: error, room: name, afterSeq }, 'reading the live backlog failed');
      return { ok: false, room: name, error: 'unavailable' };
    }
    // From here to the last emit nothing may await: live events flow again right after release().
    const held = this.delivery.release(name, socket.id);
    if (backlog.filter((event) => event.seq > afterSeq).length > LIVE_BACKLOG_MAX) {
      return { ok: true, room: name, lastSeq: null, resync: true };
    }
    const events = mergeCatchUp(afterSeq, backlog, held);
    for (const event of events) socket.emit(LIVE_EVENTS.live, event);
    return { ok: true, room: name, lastSeq: events.length ? events[events.length - 1].seq : afterSeq };
  }

  private serially<T>(socket: LiveSocket, task: () => Promise<T>): Promise<T> {
    const previous = socket.data.queue ?? Promise.resolve();
    const next = previous.then(task, task);
    socket.data.queue = next.catch(() => undefined);
    return next;
  }
}
