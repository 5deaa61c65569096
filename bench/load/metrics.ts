/** What became of one request. */
export type Outcome =
  | { kind: 'answer'; status: number; ms: number }
  /** The connection failed or was cut (a killed process): the client knows it got no answer. */
  | { kind: 'network'; error: string; ms: number }
  /** No answer within the hard deadline: the failure this scenario exists to catch. */
  | { kind: 'hung'; ms: number };

/** Answers slower than this are also kept by the second of the run they started in, to see when they happened. */
export const SLOW_MS = 5000;

interface RouteFigures {
  latencies: number[];
  statuses: Map<number, number>;
  network: Map<string, number>;
  hung: number;
}

export interface RouteSummary {
  route: string;
  count: number;
  ok: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  network: Record<string, number>;
  hung: number;
}

export interface RunSummary {
  label: string;
  seconds: number;
  requests: number;
  ok: number;
  perSecond: number;
  okPerSecond: number;
  hung: number;
  routes: RouteSummary[];
  /** Second of the run (when the request started) → answers slower than SLOW_MS, and hung requests. */
  slowBySecond: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Per-route latencies of answered requests, answers by status, connection failures and hung requests. */
export class Metrics {
  private readonly routes = new Map<string, RouteFigures>();
  private startedAt = Date.now();
  private stoppedAt: number | null = null;
  /** Only what happens between start() and stop() counts; set-up and the final checks do not. */
  private counting = false;
  private readonly slow = new Map<number, number>();

  start(): void {
    this.startedAt = Date.now();
    this.counting = true;
  }

  stop(): void {
    this.stoppedAt = Date.now();
    this.counting = false;
  }

  record(route: string, outcome: Outcome): void {
    // A hung request is always counted, whenever it happens.
    if (!this.counting && outcome.kind !== 'hung') return;
    let figures = this.routes.get(route);
    if (!figures) {
      figures = { latencies: [], statuses: new Map(), network: new Map(), hung: 0 };
      this.routes.set(route, figures);
    }
    if ((outcome.kind === 'answer' && outcome.ms > SLOW_MS) || outcome.kind === 'hung') {
      const second = Math.floor((Date.now() - outcome.ms - this.startedAt) / 1000);
      this.slow.set(second, (this.slow.get(second) ?? 0) + 1);
    }
    if (outcome.kind === 'answer') {
      figures.latencies.push(outcome.ms);
      figures.statuses.set(outcome.status, (figures.statuses.get(outcome.status) ?? 0) + 1);
    } else if (outcome.kind === 'network') {
      figures.network.set(outcome.error, (figures.network.get(outcome.error) ?? 0) + 1);
    } else {
      figures.hung++;
    }
  }

  summary(label: string): RunSummary {
    const seconds = ((this.stoppedAt ?? Date.now()) - this.startedAt) / 1000;
    const routes: RouteSummary[] = [...this.routes.entries()]
      .map(([route, f]) => {
        const sorted = [...f.latencies].sort((a, b) => a - b);
        const ok = [...f.statuses.entries()].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
        const networkCount = [...f.network.values()].reduce((n, c) => n + c, 0);
        return {
          route,
          count: f.latencies.length + networkCount + f.hung,
          ok,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.length ? sorted[sorted.length - 1] : 0,
          statuses: Object.fromEntries([...f.statuses.entries()].sort(([a], [b]) => a - b).map(([s, c]) => [String(s), c])),
          network: Object.fromEntries(f.network),
          hung: f.hung,
        };
      })
      .sort((a, b) => a.route.localeCompare(b.route));
    const requests = routes.reduce((n, r) => n + r.count, 0);
    const ok = routes.reduce((n, r) => n + r.ok, 0);
    return {
      label,
      seconds,
      requests,
      ok,
      perSecond: requests / seconds,
      okPerSecond: ok / seconds,
      hung: routes.reduce((n, r) => n + r.hung, 0),
      routes,
      slowBySecond: Object.fromEntries([...this.slow.entries()].sort(([a], [b]) => a - b).map(([second, n]) => [`${second}s`, n])),
    };
  }
}
