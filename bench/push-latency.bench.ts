/**
 * Push latency of the live gateway: 1,000 authenticated sockets in one room, events published through
 * LivePublisher, publish→receive time measured on every socket. The baseline is a bare socket.io server
 * broadcasting the same payload to the same number of sockets in the same run, so what remains is the
 * gateway's own cost (authentication, room checks, catch-up holding, envelope).
 *
 * The clients run in a child process (this same file, started with PUSH_LATENCY_ROLE=clients) so the
 * server's event loop is not also parsing 1,000 sockets' frames. Both processes stamp time with
 * performance.timeOrigin + performance.now(), which share the system clock.
 *
 * Target: p99 < 50 ms on loopback. The run throws if any socket misses, repeats or reorders an event.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, type LiveEvent } from '@linli/shared';

const SOCKETS = 1000;
const WARMUP_EVENTS = 20;
const PACED_EVENTS = 100;
// Long enough for one event to reach all sockets before the next, so latency is not queueing.
const PACE_MS = 50;
const BURST_EVENTS = 50;
const CONNECT_BATCH = 100;
const PHASE_TIMEOUT_MS = 20_000;
const ROOM = 'bench-room:1';

const now = () => performance.timeOrigin + performance.now();

interface PhaseStats {
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
  /** Deliveries per second while the burst was being delivered. */
  burstDeliveriesPerSecond: number;
  burstEventsPerSecond: number;
}

type ToClients =
  | { kind: 'connect'; url: string; path: string; tokens: string[]; room: string; subscribe: boolean }
  | { kind: 'expect'; warmup: number; paced: number; burst: number }
  | { kind: 'disconnect' };

type FromClients =
  | { kind: 'ready' }
  | { kind: 'done'; stats: PhaseStats }
  | { kind: 'failed'; message: string };

/* ------------------------------------------------------------------ client process */

async function clientsProcess(): Promise<void> {
  const { io } = await import('socket.io-client');
  type ClientSocket = ReturnType<typeof io>;
  let sockets: ClientSocket[] = [];
  let received: Array<Array<{ seq: number; at: number }>> = [];
  const send = (message: FromClients) => process.send?.(message);

  process.on('message', async (message: ToClients) => {
    try {
      if (message.kind === 'connect') {
        received = Array.from({ length: message.tokens.length }, () => []);
        sockets = [];
        for (let start = 0; start < message.tokens.length; start += CONNECT_BATCH) {
          const batch = message.tokens.slice(start, start + CONNECT_BATCH).map(async (token, offset) => {
            const index = start + offset;
            const socket = io(message.url, { path: message.path, auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
            socket.on(LIVE_EVENTS.live, (event: LiveEvent<{ sentAt: number }>) => received[index].push({ seq: event.seq, at: now() - event.data.sentAt }));
            sockets.push(socket);
            await new Promise<void>((resolve, reject) => {
              socket.once('connect', () => resolve());
              socket.once('connect_error', reject);
            });
            if (message.subscribe) {
              const ack = await socket.timeout(10_000).emitWithAck(LIVE_EVENTS.subscribe, { room: message.room });
              if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
            }
          });
          await Promise.all(batch);
        }
        send({ kind: 'ready' });
      } else if (message.kind === 'expect') {
        send({ kind: 'done', stats: await collect(received, message.warmup, message.paced, message.burst) });
      } else {
        sockets.forEach((socket) => socket.disconnect());
        sockets = [];
        send({ kind: 'ready' });
      }
    } catch (error) {
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Waits until every socket has every event, checks each arrived once and in order, and summarises. */
async function collect(received: Array<Array<{ seq: number; at: number }>>, warmup: number, paced: number, burst: number): Promise<PhaseStats> {
  const total = warmup + paced + burst;
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  while (received.some((events) => events.length < total)) {
    if (Date.now() > deadline) {
      const short = received.filter((events) => events.length < total).length;
      throw new Error(`${short} sockets did not receive all ${total} events`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const latencies: number[] = [];
  // Burst events all carry the burst's start as sentAt, so their largest latency spans the whole burst.
  let burstSpanMs = 0;
  for (const events of received) {
    if (events.length !== total) throw new Error(`a socket received ${events.length} events, expected ${total}`);
    events.forEach((event, i) => {
      if (event.seq !== i + 1) throw new Error(`a socket received seq ${event.seq} at position ${i + 1}`);
    });
    for (const event of events.slice(warmup, warmup + paced)) latencies.push(event.at);
    for (const event of events.slice(warmup + paced)) burstSpanMs = Math.max(burstSpanMs, event.at);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const burstSeconds = Math.max(burstSpanMs, 1e-3) / 1000;
  return {
    deliveries: latencies.length,
    p50: pick(0.5),
    p99: pick(0.99),
    max: latencies[latencies.length - 1],
    burstDeliveriesPerSecond: (burst * received.length) / burstSeconds,
    burstEventsPerSecond: burst / burstSeconds,
  };
}

/* ------------------------------------------------------------------ server side */

class Clients {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(__filename, [], { env: { ...process.env, PUSH_LATENCY_ROLE: 'clients' }, stdio: 'inherit' });
  }

  request(message: ToClients): Promise<FromClients> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client process did not answer ${message.kind}`)), PHASE_TIMEOUT_MS * 2);
      this.child.once('message', (answer: FromClients) => {
        clearTimeout(timer);
        if (answer.kind === 'failed') reject(new Error(answer.message));
        else resolve(answer);
      });
      this.child.send(message);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/**
 * Publishes warm-up and paced events (latency), then a burst sent back to back (throughput). Burst events carry
 * `sentAt` = the burst's start, so the latest receive time minus it spans the whole burst.
 */
async function drive(publish: (seq: number, sentAt: number) => void, clients: Clients): Promise<PhaseStats> {
  const done = clients.request({ kind: 'expect', warmup: WARMUP_EVENTS, paced: PACED_EVENTS, burst: BURST_EVENTS });
  let seq = 0;
  // Warm-up events (not measured) let both sides' JIT settle, so neither phase pays for it.
  while (seq < WARMUP_EVENTS + PACED_EVENTS) {
    publish(++seq, now());
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  const burstStart = now();
  while (seq < WARMUP_EVENTS + PACED_EVENTS + BURST_EVENTS) publish(++seq, burstStart);
  const answer = await done;
  if (answer.kind !== 'done') throw new Error('unexpected answer from the client process');
  return answer.stats;
}

async function baseline(clients: Clients): Promise<PhaseStats> {
  const { Server } = await import('socket.io');
  const http: HttpServer = createServer();
  const io = new Server(http, { path: LIVE_PATH, serveClient: false });
  const nsp = io.of(LIVE_NAMESPACE);
  nsp.on('connection', (socket) => {
    socket.on(LIVE_EVENTS.subscribe, (body: { room: string }, ack: (answer: unknown) => void) => {
      void socket.join(body.room);
      ack({ ok: true, room: body.room, lastSeq: null });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  try {
    await clients.request({ kind: 'connect', url: `http://127.0.0.1:${port}${LIVE_NAMESPACE}`, path: LIVE_PATH, tokens: Array(SOCKETS).fill('none'), room: ROOM, subscribe: true });
    const at = new Date().toISOString();
    const stats = await drive((seq, sentAt) => nsp.to(ROOM).emit(LIVE_EVENTS.live, { room: ROOM, seq, type: 'bench.tick', data: { sentAt }, at }), clients);
    await clients.request({ kind: 'disconnect' });
    return stats;
  } finally {
    io.close();
  }
}

async function gateway(clients: Clients): Promise<PhaseStats> {
  const { createApp } = await import('../server/src/app.factory');
  const { TokenService } = await import('../server/src/auth/token.service');
  const { LivePublisher } = await import('../server/src/realtime/live-publisher');
  const { RoomAuthorizerRegistry } = await import('../server/src/realtime/room-authorizer.registry');
  const { User } = await import('../server/src/users/user.entity');
  const { DataSource } = await import('typeorm');

  const app = await createApp({
    databaseUrl: 'sqlite::memory:',
    redisUrl: undefined,
    seedOnStart: false,
    demo: false,
    devLogin: false,
    logLevel: 'silent',
    h5Dir: '/nonexistent-h5-dir-for-bench',
  });
  try {
    app.get(RoomAuthorizerRegistry).register('bench-room', (user) => user !== null);
    const users = app.get(DataSource).getRepository(User);
    const rows = Array.from({ length: SOCKETS }, (_, i) => users.create({ name: `压测用户${i + 1}`, openid: null, phone: null }));
    const saved = [] as Array<{ id: number }>;
    for (let i = 0; i < rows.length; i += 200) saved.push(...(await users.save(rows.slice(i, i + 200))));
    const tokens = saved.map((user) => app.get(TokenService).issue(user.id).accessToken);

    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    await clients.request({ kind: 'connect', url: `http://127.0.0.1:${port}${LIVE_NAMESPACE}`, path: LIVE_PATH, tokens, room: ROOM, subscribe: true });
    const publisher = app.get(LivePublisher);
    const stats = await drive((seq, sentAt) => publisher.publish(ROOM, { seq, type: 'bench.tick', data: { sentAt } }), clients);
    await clients.request({ kind: 'disconnect' });
    return stats;
  } finally {
    await app.close();
  }
}

function line(name: string, s: PhaseStats): string {
  const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;
  return `${name.padEnd(26)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  burst ${Math.round(s.burstEventsPerSecond).toString().padStart(6)} events/s (${Math.round(s.burstDeliveriesPerSecond)} deliveries/s)`;
}

export default async function run(): Promise<void> {
  const clients = new Clients();
  try {
    process.stdout.write(`${SOCKETS} sockets in one room; ${WARMUP_EVENTS} warm-up + ${PACED_EVENTS} measured events every ${PACE_MS} ms, then a burst of ${BURST_EVENTS}\n`);
    const bare = await baseline(clients);
    process.stdout.write(`${line('baseline (bare socket.io)', bare)}\n`);
    const live = await gateway(clients);
    process.stdout.write(`${line('live gateway', live)}\n`);
    process.stdout.write(`gateway overhead at p99: ${(live.p99 - bare.p99).toFixed(2)} ms; target p99 < 50 ms: ${live.p99 < 50 ? 'met' : 'NOT met'}\n`);
  } finally {
    clients.stop();
  }
}

if (process.env.PUSH_LATENCY_ROLE === 'clients') void clientsProcess();
