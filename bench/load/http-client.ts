import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Metrics } from './metrics';

export interface Call {
  /** Route label the figures are kept under, e.g. `GET /cases/:id`. */
  route: string;
  method: string;
  path: string;
  token?: string;
  /** The phone's own address, sent as X-Forwarded-For (the servers trust loopback as their proxy). */
  from?: string;
  json?: unknown;
  body?: Buffer;
  headers?: Record<string, string>;
  /** Overrides the client's deadline (set-up calls, which are not what is measured, get a generous one). */
  deadlineMs?: number;
}

export type Result =
  | { kind: 'answer'; status: number; body: any; headers: IncomingHttpHeaders }
  | { kind: 'network'; error: string; sent: boolean }
  | { kind: 'hung' };

/**
 * The crowd's HTTP client: keep-alive connections to every server process, requests spread round-robin as a
 * balancer would. A connection that cannot be opened (a killed process) is tried on the next process, as a
 * balancer's health check would route around it; a connection cut after the request went out is reported to the
 * caller, who alone knows whether a retry is safe. Every request has a hard deadline: no answer by then is a hung
 * request, recorded as such and abandoned.
 */
export class HttpClient {
  private next = 0;
  private readonly agents: Agent[];
  inFlight = 0;

  constructor(
    private readonly ports: number[],
    private readonly metrics: Metrics,
    private readonly deadlineMs: number,
  ) {
    this.agents = ports.map(() => new Agent({ keepAlive: true, maxSockets: 256 }));
  }

  async call(c: Call): Promise<Result> {
    const first = this.next++ % this.ports.length;
    let last: Result = { kind: 'network', error: 'ECONNREFUSED', sent: false };
    for (let i = 0; i < this.ports.length; i++) {
      const which = (first + i) % this.ports.length;
      const started = performance.now();
      last = await this.once(which, c);
      const ms = performance.now() - started;
      if (last.kind === 'network' && !last.sent) continue; // never reached that process: try the next
      this.metrics.record(c.route, last.kind === 'answer' ? { kind: 'answer', status: last.status, ms } : last.kind === 'hung' ? { kind: 'hung', ms } : { kind: 'network', error: last.error, ms });
      return last;
    }
    this.metrics.record(c.route, { kind: 'network', error: last.kind === 'network' ? last.error : 'unreachable', ms: 0 });
    return last;
  }

  /** A GET with a few retries on refusals and cut connections (reads are always safe to repeat). */
  async read(c: Omit<Call, 'method'>, tries = 3): Promise<Result> {
    let result: Result = { kind: 'network', error: 'none', sent: false };
    for (let attempt = 0; attempt < tries; attempt++) {
      result = await this.call({ ...c, method: 'GET' });
      if (!retryable(result)) return result;
      await pause(result, attempt);
    }
    return result;
  }

  close(): void {
    for (const agent of this.agents) agent.destroy();
  }

  private once(which: number, c: Call): Promise<Result> {
    const body = c.body ?? (c.json === undefined ? undefined : Buffer.from(JSON.stringify(c.json)));
    const headers: Record<string, string> = { ...(c.headers ?? {}) };
    if (c.json !== undefined) headers['content-type'] = 'application/json';
    if (body) headers['content-length'] = String(body.length);
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    if (c.from) headers['x-forwarded-for'] = c.from;
    this.inFlight++;
    return new Promise<Result>((resolve) => {
      let done = false;
      let sent = false;
      const finish = (result: Result) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        this.inFlight--;
        resolve(result);
      };
      const req = httpRequest({ host: '127.0.0.1', port: this.ports[which], method: c.method, path: `/api${c.path}`, headers, agent: this.agents[which] }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if (String(res.headers['content-type'] ?? '').includes('json')) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          finish({ kind: 'answer', status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
        res.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'network', error: error.code ?? error.message, sent: true }));
      });
      const deadline = setTimeout(() => {
        finish({ kind: 'hung' });
        req.destroy(new Error('deadline'));
      }, c.deadlineMs ?? this.deadlineMs);
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected; a new one counts as sent once it connects.
        if (!socket.connecting) sent = true;
        else socket.once('connect', () => (sent = true));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? error.message;
        // A refused connection never carried the request; a reset keep-alive socket may have, so it counts as sent.
        finish({ kind: 'network', error: code, sent: code === 'ECONNREFUSED' ? false : sent });
      });
      req.end(body);
    });
  }
}

/** Answers a phone would try again: bounded refusals (503 busy/draining, 429) and connections that went away. */
export function retryable(result: Result): boolean {
  if (result.kind === 'network') return true;
  return result.kind === 'answer' && (result.status === 503 || result.status === 429 || result.status === 502);
}

/** Waits as told by Retry-After (capped), or a short growing back-off. */
export async function pause(result: Result, attempt: number): Promise<void> {
  const told = result.kind === 'answer' ? Number(result.headers['retry-after']) : NaN;
  const ms = Number.isFinite(told) && told > 0 ? Math.min(told, 5) * 1000 : Math.min(4000, 250 * 2 ** attempt);
  await new Promise((r) => setTimeout(r, ms * (0.75 + Math.random() * 0.5)));
}

/** A distinct private address for the n-th phone, so per-address limits count each phone, not the load machine. */
export function phoneAddress(n: number): string {
  return `10.${(n >> 14) & 255}.${(n >> 6) & 255}.${(n & 63) + 1}`;
}

export function multipartPhoto(jpeg: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----linli-load-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, jpeg, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
