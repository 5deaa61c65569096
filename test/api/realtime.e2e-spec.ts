import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, liveRoom, type LiveEvent, type LiveEventInput, type LiveSubscribeAck } from '@linli/shared';
import { io, type Socket } from 'socket.io-client';
import { createRealtimeClient, type RealtimeClient } from '../../miniapp/src/services/realtime-client';
import { BacklogProviderRegistry } from '../../server/src/realtime/backlog-provider.registry';
import { LivePublisher } from '../../server/src/realtime/live-publisher';
import { RoomAuthorizerRegistry } from '../../server/src/realtime/room-authorizer.registry';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const WAIT_MS = 5000;

/** A room kind that exists only in these tests: its events live in an array standing in for a feature's table. */
const FEED = 'test-feed';

class FeedStore {
  readonly rows = new Map<string, LiveEventInput[]>();
  /** Delays backlog reads until released, to publish while a client is catching up. */
  gate: Promise<void> | null = null;
  /** Called when a backlog read starts waiting at the gate. */
  onGate: (() => void) | null = null;

  append(room: string, seq: number): LiveEventInput {
    const row: LiveEventInput = { seq, type: 'feed.entry', data: { text: `第${seq}条` }, at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString() };
    this.rows.set(room, [...(this.rows.get(room) ?? []), row]);
    return row;
  }

  async after(room: string, afterSeq: number, limit: number): Promise<LiveEventInput[]> {
    if (this.gate) {
      this.onGate?.();
      await this.gate;
    }
    return (this.rows.get(room) ?? []).filter((row) => row.seq > afterSeq).slice(0, limit);
  }
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function connectRaw(baseUrl: string, token?: string): Socket {
  return io(`${baseUrl}${LIVE_NAMESPACE}`, { path: LIVE_PATH, auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function subscribe(socket: Socket, room: string, afterSeq?: number): Promise<LiveSubscribeAck> {
  return socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq });
}

/** Resolves once `predicate` holds, checking after each event; rejects after WAIT_MS. */
function eventually(check: () => boolean, subscribeTo: (notify: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for live events')), WAIT_MS);
    const notify = () => {
      if (check()) {
        clearTimeout(timer);
        resolve();
      }
    };
    subscribeTo(notify);
    notify();
  });
}

function collect(socket: Socket): LiveEvent[] {
  const events: LiveEvent[] = [];
  socket.on(LIVE_EVENTS.live, (event: LiveEvent) => events.push(event));
  return events;
}

describe('live updates over socket.io', () => {
  let t: TestApp;
  let baseUrl: string;
  const sockets: Socket[] = [];
  const clients: RealtimeClient[] = [];

  beforeEach(async () => {
    t = await startTestApp({ redisUrl: undefined }, { seed: false });
    baseUrl = await listen(t);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    clients.splice(0).forEach((client) => client.close());
    await t.close();
  });

  const track = (socket: Socket) => {
    sockets.push(socket);
    return socket;
  };

  it('delivers events published to a signed-in user’s own inbox', async () => {
    const user = await createUser(t.dataSource, { name: '王阿姨' });
    const socket = track(connectRaw(baseUrl, await t.tokenFor(user.id)));
    await connected(socket);
    const events = collect(socket);
    const room = liveRoom('inbox:user', user.id);

    expect(await subscribe(socket, room)).toEqual({ ok: true, room, lastSeq: null });
    t.app.get(LivePublisher).publish(room, { seq: 1, type: 'inbox.item', data: { title: '您的诉求已受理' } });

    await eventually(() => events.length === 1, (notify) => socket.on(LIVE_EVENTS.live, notify));
    expect(events[0]).toMatchObject({ room, seq: 1, type: 'inbox.item', data: { title: '您的诉求已受理' } });
    expect(Date.parse(events[0].at)).not.toBeNaN();
  });

  it('refuses to let a user join someone else’s inbox and sends them nothing from it', async () => {
    const owner = await createUser(t.dataSource, { name: '李伯' });
    const other = await createUser(t.dataSource, { name: '陈姐' });
    const socket = track(connectRaw(baseUrl, await t.tokenFor(other.id)));
    await connected(socket);
    const events = collect(socket);
    const room = liveRoom('inbox:user', owner.id);

    expect(await subscribe(socket, room)).toEqual({ ok: false, room, error: 'forbidden' });
    // A room the user may join, published after the refused one, proves the socket is live yet got nothing.
    const own = liveRoom('inbox:user', other.id);
    await subscribe(socket, own);
    const publisher = t.app.get(LivePublisher);
    publisher.publish(room, { seq: 1, type: 'inbox.item', data: { secret: true } });
    publisher.publish(own, { seq: 1, type: 'inbox.item', data: { secret: false } });

    await eventually(() => events.length >= 1, (notify) => socket.on(LIVE_EVENTS.live, notify));
    expect(events.map((e) => e.room)).toEqual([own]);
  });

  it('refuses a handshake with a bad token instead of treating it as a visitor', async () => {
    const socket = track(connectRaw(baseUrl, 'not-a-jwt'));
    const error = await connected(socket).then(
      () => null,
      (err: Error & { data?: { error: string; message: string } }) => err,
    );
    expect(error?.message).toBe('unauthenticated');
    expect(error?.data?.error).toBe('unauthenticated');
    expect(error?.data?.message).toMatch(/登录/);
  });

  it('closes a socket when its token expires, so grants are re-read on the next connect', async () => {
    const user = await createUser(t.dataSource);
    const shortLived = t.app.get(JwtService).sign({ sub: String(user.id) }, { expiresIn: 1 });
    const socket = track(connectRaw(baseUrl, shortLived));
    await connected(socket);
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    socket.connect();
    const refused = await connected(socket).then(
      () => null,
      (err: Error & { data?: { error: string } }) => err.data?.error,
    );
    expect(refused).toBe('unauthenticated');
  });

  it('lets an anonymous socket into public room kinds only', async () => {
    t.app.get(RoomAuthorizerRegistry).register('test-public', () => true, { public: true });
    const user = await createUser(t.dataSource);
    const socket = track(connectRaw(baseUrl));
    await connected(socket);

    expect(await subscribe(socket, 'test-public:1')).toMatchObject({ ok: true });
    expect(await subscribe(socket, liveRoom('inbox:user', user.id))).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await subscribe(socket, 'no-such-kind:1')).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await subscribe(socket, 'not a room')).toMatchObject({ ok: false, error: 'bad_request' });
  });

  describe('catching up from the record after a reconnect', () => {
    let store: FeedStore;

    beforeEach(() => {
      store = new FeedStore();
      t.app.get(RoomAuthorizerRegistry).register(FEED, (user) => user !== null);
      t.app.get(BacklogProviderRegistry).register(FEED, (room, afterSeq, limit) => store.after(`${room.kind}:${room.id}`, afterSeq, limit));
    });

    const record = (room: string, seq: number) => t.app.get(LivePublisher).publish(room, store.append(room, seq));

    it('gives a reconnecting client exactly the events it missed, once and in order', async () => {
      const user = await createUser(t.dataSource);
      const token = await t.tokenFor(user.id);
      const room = liveRoom(FEED, 7);
      let raw: Socket | null = null;
      const client = createRealtimeClient({
        baseUrl,
        token: () => token,
        connect: (url, options) => track((raw = io(url, { ...options, transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100 }))),
      });
      clients.push(client);
      const received: number[] = [];
      const notifiers: Array<() => void> = [];
      client.subscribe(room, { afterSeq: 0, onEvent: (event) => (received.push(event.seq), notifiers.forEach((n) => n())) });
      await eventually(() => client.status === 'connected', (notify) => client.onStatus(notify));
      // The subscription is acknowledged once the server answers; a published event proves it.
      record(room, 1);
      record(room, 2);
      await eventually(() => received.length === 2, (notify) => notifiers.push(notify));

      // The transport drops (not a deliberate disconnect), so socket.io reconnects by itself.
      const disconnected = eventually(() => client.status === 'disconnected', (notify) => client.onStatus(notify));
      raw!.io.engine.close();
      await disconnected;
      record(room, 3);
      record(room, 4);
      record(room, 5);

      await eventually(() => received.length >= 5, (notify) => notifiers.push(notify));
      // Anything duplicated would arrive right behind; give it the chance with one more round trip.
      record(room, 6);
      await eventually(() => received.includes(6), (notify) => notifiers.push(notify));
      expect(received).toEqual([1, 2, 3, 4, 5, 6]);
      expect(client.lastSeq(room)).toBe(6);
    });

    it('resumes from where the page reloaded over HTTP, not from its last live event', async () => {
      const user = await createUser(t.dataSource);
      const token = await t.tokenFor(user.id);
      const room = liveRoom(FEED, 8);
      let raw: Socket | null = null;
      const client = createRealtimeClient({
        baseUrl,
        token: () => token,
        connect: (url, options) => track((raw = io(url, { ...options, transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100 }))),
      });
      clients.push(client);
      const received: number[] = [];
      const notifiers: Array<() => void> = [];
      client.subscribe(room, { afterSeq: 0, onEvent: (event) => (received.push(event.seq), notifiers.forEach((n) => n())) });
      await eventually(() => client.status === 'connected', (notify) => client.onStatus(notify));
      record(room, 1);
      await eventually(() => received.length === 1, (notify) => notifiers.push(notify));
      // The page reloads its list over HTTP, current up to 3 (2 and 3 happened meanwhile and are in it).
      store.append(room, 2);
      store.append(room, 3);
      client.advance(room, 3);
      client.advance(liveRoom(FEED, 99), 50); // not subscribed: ignored

      const disconnected = eventually(() => client.status === 'disconnected', (notify) => client.onStatus(notify));
      raw!.io.engine.close();
      await disconnected;
      record(room, 4);
      await eventually(() => received.includes(4), (notify) => notifiers.push(notify));
      record(room, 5);
      await eventually(() => received.includes(5), (notify) => notifiers.push(notify));
      expect(received).toEqual([1, 4, 5]);
      expect(client.lastSeq(liveRoom(FEED, 99))).toBeUndefined();
    });

    it('sends the backlog before live events that are published while the backlog is being read', async () => {
      const user = await createUser(t.dataSource);
      const room = liveRoom(FEED, 9);
      for (const seq of [1, 2, 3, 4]) store.append(room, seq);
      let open!: () => void;
      store.gate = new Promise((resolve) => (open = resolve));

      const reading = new Promise<void>((resolve) => (store.onGate = resolve));

      const socket = track(connectRaw(baseUrl, await t.tokenFor(user.id)));
      await connected(socket);
      const events = collect(socket);
      const ack = subscribe(socket, room, 2);
      // The server is now inside the backlog read: the socket is in the room, its live events held.
      await reading;
      record(room, 5);
      record(room, 6);
      open();

      expect(await ack).toEqual({ ok: true, room, lastSeq: 6 });
      await eventually(() => events.length >= 4, (notify) => socket.on(LIVE_EVENTS.live, notify));
      record(room, 7);
      await eventually(() => events.some((e) => e.seq === 7), (notify) => socket.on(LIVE_EVENTS.live, notify));
      expect(events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    });

    it('asks the client to reload over HTTP when more was missed than one catch-up replays', async () => {
      const user = await createUser(t.dataSource);
      const room = liveRoom(FEED, 11);
      for (let seq = 1; seq <= 600; seq++) store.append(room, seq);
      const socket = track(connectRaw(baseUrl, await t.tokenFor(user.id)));
      await connected(socket);
      const events = collect(socket);

      expect(await subscribe(socket, room, 0)).toEqual({ ok: true, room, lastSeq: null, resync: true });
      expect(await subscribe(socket, room, 550)).toEqual({ ok: true, room, lastSeq: 600 });
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 551 + i));
    });
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('live updates across server processes (REDIS_URL)', () => {
  let a: TestApp;
  let b: TestApp;
  let socket: Socket | null = null;

  beforeEach(async () => {
    a = await startTestApp({ redisUrl }, { seed: false });
    b = await startTestApp({ redisUrl }, { seed: false });
  });

  afterEach(async () => {
    socket?.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it('delivers an event published on one instance to a socket connected to another', async () => {
    const kind = `test-cluster-${process.pid}`;
    a.app.get(RoomAuthorizerRegistry).register(kind, () => true, { public: true });
    const room = `${kind}:${Date.now()}`;
    socket = connectRaw(await listen(a));
    await connected(socket);
    const events = collect(socket);
    expect(await subscribe(socket, room)).toMatchObject({ ok: true });

    // The Redis subscription of instance A may still be settling; publish until one arrives.
    const publisher = b.app.get(LivePublisher);
    let seq = 0;
    const start = Date.now();
    while (events.length === 0 && Date.now() - start < WAIT_MS) {
      publisher.publish(room, { seq: ++seq, type: 'poll.tally', data: { yes: seq } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(events[0]).toMatchObject({ room, type: 'poll.tally' });
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((x, y) => x - y));
  });
});
