import { randomUUID } from 'node:crypto';
import type { District, Person, Worker } from './district';
import { multipartPhoto, pause, retryable, type Call, type HttpClient, type Result } from './http-client';
import type { Ledger } from './ledger';
import type { CrowdMember, SocketCrowd } from './socket-crowd';

/** How many times a phone tries one write before giving up (each try waits Retry-After or a back-off). */
const WRITE_TRIES = 6;

const DESCRIPTIONS = [
  '路灯不亮，晚上很黑，老人走路不安全',
  '小区门口垃圾堆放好几天没人清理，有异味',
  '人行道地砖松动翘起，下雨踩上去溅水',
  '楼道里堆放杂物，堵住了消防通道',
  '井盖缺失，路面有个大洞，很危险',
  '共享单车乱停放，占用了盲道',
  '绿化带里的树枝断了，挂在半空',
  '半夜有施工噪音，影响休息',
];

/** Who is asking: the person's token and the phone's address. */
interface Phone {
  token: string;
  from: string;
}

export interface CrowdSettings {
  thinkMs: [number, number];
  endAt: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const ok = (r: Result): r is Extract<Result, { kind: 'answer' }> => r.kind === 'answer' && r.status >= 200 && r.status < 300;

/**
 * The simulated people: residents who report with photos, read their cases, follow their community's vote and
 * discussion, vote once and comment; grid workers who read their inbox and open its cases. Each acts, waits a
 * think time, acts again, until the end of the run.
 */
export class Crowd {
  private readonly voted = new Set<number>();

  constructor(
    private readonly http: HttpClient,
    private readonly district: District,
    private readonly ledger: Ledger,
    private readonly sockets: SocketCrowd,
    private readonly photos: Buffer[],
    private readonly settings: CrowdSettings,
  ) {}

  private holding = false;

  get running(): boolean {
    return this.holding || Date.now() < this.settings.endAt;
  }

  /**
   * Keeps the crowd going while `work` (the faults) runs and for `afterMs` once it is over, however slowly a
   * killed process comes back: recovery is seen under load too.
   */
  async holdFor(work: Promise<void>, afterMs: number): Promise<void> {
    this.holding = true;
    try {
      await work;
    } finally {
      this.settings.endAt = Math.max(this.settings.endAt, Date.now() + afterMs);
      this.holding = false;
    }
  }

  async resident(person: Person, from: string, socket: CrowdMember | undefined): Promise<void> {
    const phone = { token: person.token, from };
    const forum = person.communityId === null ? undefined : this.district.forums.get(person.communityId);
    const mine: number[] = [];
    // Each voter votes once, at some moment of the run (not all in the first second).
    const voteAt = Date.now() + Math.random() * 0.7 * Math.max(0, this.settings.endAt - Date.now());
    while (this.running) {
      await this.think();
      if (!this.running) break;
      if (forum && !this.voted.has(person.id) && Date.now() >= voteAt) {
        this.voted.add(person.id);
        await this.vote(person, phone, forum.pollId, pick(forum.options));
        continue;
      }
      const roll = Math.random();
      if (roll < 0.14) {
        const caseId = await this.report(person, phone);
        if (caseId !== null) {
          mine.push(caseId);
          if (socket) this.sockets.watch(socket, `case:${caseId}`);
          await this.http.read({ route: 'GET /cases/:id', path: `/cases/${caseId}`, ...phone });
        }
      } else if (roll < 0.36) {
        // A resident may open only cases they reported or follow (others' reports are private).
        if (mine.length) await this.http.read({ route: 'GET /cases/:id', path: `/cases/${pick(mine)}`, ...phone });
        else await this.http.read({ route: 'GET /cases/mine', path: '/cases/mine', ...phone });
      } else if (roll < 0.5) {
        await this.http.read({ route: 'GET /cases/mine', path: '/cases/mine', ...phone });
      } else if (roll < 0.58) {
        const p = pick(this.district.points);
        await this.http.read({ route: 'GET /cases/nearby', path: `/cases/nearby?lng=${p.lng}&lat=${p.lat}`, ...phone });
      } else if (forum && roll < 0.72) {
        await this.http.read({ route: 'GET /polls/:id', path: `/polls/${forum.pollId}`, ...phone });
      } else if (forum && roll < 0.86) {
        await this.http.read({ route: 'GET /deliberations/:id/comments', path: `/deliberations/${forum.deliberationId}/comments`, ...phone });
      } else if (forum) {
        await this.comment(person, phone, forum.deliberationId);
      } else {
        await this.http.read({ route: 'GET /me', path: '/me', ...phone });
      }
    }
  }

  async worker(worker: Worker, from: string): Promise<void> {
    const phone = { token: worker.token, from };
    while (this.running) {
      await this.think();
      if (!this.running) break;
      const inbox = await this.http.read({ route: 'GET /inbox', path: '/inbox', ...phone });
      const items: Array<{ id: number }> = ok(inbox) && Array.isArray(inbox.body?.items) ? inbox.body.items : [];
      for (const item of items.slice(0, 2)) {
        if (!this.running) break;
        await this.http.read({ route: 'GET /cases/:id', path: `/cases/${item.id}`, ...phone });
      }
    }
  }

  /** Photo then report, both keyed, retried on refusals and lost connections with the same keys. */
  private async report(person: Person, phone: Phone): Promise<number | null> {
    const photoKey = randomUUID();
    const photo = multipartPhoto(pick(this.photos));
    const upload = await this.write(
      { route: 'POST /media/photos', method: 'POST', path: '/media/photos', ...phone, body: photo.body, headers: { 'content-type': photo.contentType, 'idempotency-key': photoKey } },
      true,
    );
    if (!ok(upload)) return null;
    const clientKey = randomUUID();
    const p = pick(this.district.points);
    const res = await this.write(
      {
        route: 'POST /cases',
        method: 'POST',
        path: '/cases',
        ...phone,
        json: { clientKey, photoIds: [upload.body.id], lng: p.lng, lat: p.lat, description: pick(DESCRIPTIONS), address: '越秀区' },
      },
      true,
    );
    if (!ok(res)) return null;
    this.ledger.reports.push({ caseId: res.body.id, reporterId: person.id, clientKey });
    return res.body.id;
  }

  private async vote(person: Person, phone: Phone, pollId: number, option: string): Promise<void> {
    const res = await this.write(
      { route: 'POST /polls/:id/ballots', method: 'POST', path: `/polls/${pollId}/ballots`, ...phone, json: { choice: [option] }, headers: { 'idempotency-key': randomUUID() } },
      true,
    );
    if (ok(res)) this.ledger.ballots.push({ pollId, userId: person.id, receipt: res.body.receipt });
  }

  /** A comment carries an Idempotency-Key as the mini-program sends it, so a cut connection is retried like a ballot. */
  private async comment(person: Person, phone: Phone, deliberationId: number): Promise<void> {
    const res = await this.write(
      {
        route: 'POST /deliberations/:id/comments',
        method: 'POST',
        path: `/deliberations/${deliberationId}/comments`,
        ...phone,
        json: { body: `${pick(['赞成', '反对', '建议先摸底'])}：${randomUUID().slice(0, 8)}` },
        headers: { 'idempotency-key': randomUUID() },
      },
      true,
    );
    if (ok(res)) this.ledger.comments.push({ commentId: res.body.id, deliberationId, userId: person.id });
  }

  private async write(call: Call, keyed: boolean, tries = WRITE_TRIES): Promise<Result> {
    let res: Result = { kind: 'network', error: 'none', sent: false };
    for (let attempt = 0; attempt < tries; attempt++) {
      res = await this.http.call(call);
      const refusedOnly = res.kind === 'answer';
      if (!retryable(res) || (!keyed && !refusedOnly)) break;
      // Once the run is over a refusal is final (the phone would try later); a lost answer is still chased.
      if (refusedOnly && !this.running) break;
      await pause(res, attempt);
    }
    if (res.kind !== 'answer') this.ledger.unknown++;
    return res;
  }

  private think(): Promise<void> {
    const [lo, hi] = this.settings.thinkMs;
    return sleep(lo + Math.random() * (hi - lo));
  }
}
