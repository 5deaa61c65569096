import { LIVE_EVENTS, LIVE_NAMESPACE, LIVE_PATH, type LiveEvent, type LiveSubscribeAck } from '@linli/shared';
import { io, type Socket } from 'socket.io-client';

const ACK_MS = 10_000;

interface Member {
  socket: Socket;
  /** Highest seq seen per room, so a reconnect asks only for what it missed, as the mini-program does. */
  rooms: Map<string, number | undefined>;
}

export interface SocketFigures {
  opened: number;
  connectedAtEnd: number;
  reconnects: number;
  events: number;
  /** Events received after the last fault was over (set by markRecovered): live delivery works again. */
  eventsAfterRecovery: number;
  subscribeRefused: number;
  subscribeTimeouts: number;
  connectErrors: number;
}

/**
 * Open live connections from the crowd's phones: real socket.io clients on /live, each signed in and subscribed to
 * the rooms its page would watch (a vote's counts, the bulletin, an inbox, a case's status). They reconnect on their
 * own after a server process dies and re-subscribe with the last seq they saw.
 */
export class SocketCrowd {
  private readonly members: Member[] = [];
  readonly figures: SocketFigures = { opened: 0, connectedAtEnd: 0, reconnects: 0, events: 0, eventsAfterRecovery: 0, subscribeRefused: 0, subscribeTimeouts: 0, connectErrors: 0 };

  private recovered = false;

  constructor(private readonly ports: number[]) {}

  markRecovered(): void {
    this.recovered = true;
  }

  /** Opens one connection (on the processes in turn) and subscribes its rooms; resolves once subscribed. */
  async open(token: string, rooms: string[]): Promise<Member> {
    const port = this.ports[this.members.length % this.ports.length];
    const socket = io(`http://127.0.0.1:${port}${LIVE_NAMESPACE}`, {
      path: LIVE_PATH,
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    const member: Member = { socket, rooms: new Map(rooms.map((r) => [r, undefined])) };
    this.members.push(member);
    socket.on(LIVE_EVENTS.live, (event: LiveEvent) => {
      this.figures.events++;
      if (this.recovered) this.figures.eventsAfterRecovery++;
      const seen = member.rooms.get(event.room);
      if (member.rooms.has(event.room) && (seen === undefined || event.seq > seen)) member.rooms.set(event.room, event.seq);
    });
    socket.on('connect_error', () => this.figures.connectErrors++);
    let first = true;
    socket.on('connect', () => {
      if (!first) {
        this.figures.reconnects++;
        void this.subscribeAll(member);
      }
      first = false;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      setTimeout(() => reject(new Error('socket did not connect within 20 s')), 20_000);
    });
    this.figures.opened++;
    await this.subscribeAll(member);
    return member;
  }

  /** A case page opened: its socket starts watching the case. */
  watch(member: Member, room: string): void {
    if (member.rooms.has(room)) return;
    member.rooms.set(room, undefined);
    void this.subscribe(member, room);
  }

  close(): void {
    this.figures.connectedAtEnd = this.members.filter((m) => m.socket.connected).length;
    for (const m of this.members) m.socket.disconnect();
  }

  private async subscribeAll(member: Member): Promise<void> {
    await Promise.all([...member.rooms.keys()].map((room) => this.subscribe(member, room)));
  }

  private async subscribe(member: Member, room: string): Promise<void> {
    const afterSeq = member.rooms.get(room);
    try {
      const ack: LiveSubscribeAck = await member.socket.timeout(ACK_MS).emitWithAck(LIVE_EVENTS.subscribe, afterSeq === undefined ? { room } : { room, afterSeq });
      if (!ack.ok) this.figures.subscribeRefused++;
    } catch {
      // No ack within the bound: the socket dropped meanwhile (it re-subscribes on reconnect) or the server is slow.
      this.figures.subscribeTimeouts++;
    }
  }
}

export type CrowdMember = Member;
