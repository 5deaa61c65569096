import { SLOW_MS, type RunSummary } from './metrics';
import type { ScenarioResult } from './scenario';

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)}s` : `${Math.round(n)}ms`);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');
}

export function formatRun(r: ScenarioResult): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(`\n== ${s.label}: ${s.seconds.toFixed(1)} s, ${s.requests} requests (${s.perSecond.toFixed(1)}/s), ${s.ok} answered 2xx (${s.okPerSecond.toFixed(1)}/s)`);
  lines.push(`${pad('route', 34)}${lpad('n', 7)}${lpad('p50', 9)}${lpad('p95', 9)}${lpad('p99', 9)}${lpad('max', 9)}  statuses / no answer`);
  for (const route of s.routes) {
    const errors = [counts(route.statuses), counts(route.network), route.hung ? `HUNG×${route.hung}` : ''].filter(Boolean).join(' ');
    lines.push(`${pad(route.route, 34)}${lpad(String(route.count), 7)}${lpad(ms(route.p50), 9)}${lpad(ms(route.p95), 9)}${lpad(ms(route.p99), 9)}${lpad(ms(route.max), 9)}  ${errors}`);
  }
  const byStatus: Record<string, number> = {};
  for (const route of s.routes) {
    for (const [status, n] of Object.entries(route.statuses)) if (!status.startsWith('2')) byStatus[status] = (byStatus[status] ?? 0) + n;
    for (const [error, n] of Object.entries(route.network)) byStatus[error] = (byStatus[error] ?? 0) + n;
  }
  lines.push(`errors by status: ${counts(byStatus) || 'none'}`);
  lines.push(`hung (no answer within the deadline): ${s.hung}`);
  lines.push(`answers slower than ${SLOW_MS / 1000} s, by the second of the run they started in: ${counts(s.slowBySecond) || 'none'}`);
  const v = r.verdict;
  lines.push(`acknowledged writes: ${v.acknowledged.reports} reports, ${v.acknowledged.ballots} ballots, ${v.acknowledged.comments} comments; missing from the database: ${v.lost.length}; counted twice: ${v.duplicated.length}`);
  lines.push(`writes with no answer (outcome unknown to the phone, not checked): ${r.unknownWrites}`);
  for (const lost of v.lost.slice(0, 20)) lines.push(`  LOST ${lost}`);
  for (const twice of v.duplicated.slice(0, 20)) lines.push(`  TWICE ${twice}`);
  const k = r.sockets;
  lines.push(`live sockets: ${k.opened} opened, ${k.connectedAtEnd} connected at the end, ${k.reconnects} reconnects, ${k.events} events received${r.faults.length ? ` (${k.eventsAfterRecovery} after the faults were over)` : ''}, ${k.subscribeRefused} subscriptions refused, ${k.subscribeTimeouts} without ack`);
  for (const f of r.faults) lines.push(`  fault at ${f.at.toFixed(1)} s: ${f.what}`);
  const cpu = r.serverCpu.reduce((n, c) => n + c.seconds, 0);
  lines.push(
    `server CPU: ${r.serverCpu.map((c) => `${c.name} ${c.seconds.toFixed(1)} s`).join(', ')} (${((cpu / s.seconds) * 100).toFixed(0)} % of one core; ${((cpu * 1000) / Math.max(1, s.requests)).toFixed(1)} ms a request)`,
  );
  for (const h of r.healthAtEnd) lines.push(`health at the end: ${h}`);
  if (r.logPath) lines.push(`server log kept: ${r.logPath}`);
  return lines.join('\n');
}

/** The same scenario on one process and on two, side by side. */
export function formatComparison(one: RunSummary, two: RunSummary): string {
  const lines = [`\n== 1 process vs 2 processes`];
  lines.push(`${pad('', 34)}${lpad('1 proc', 24)}${lpad('2 procs', 24)}`);
  lines.push(`${pad('requests/s (all answers)', 34)}${lpad(one.perSecond.toFixed(1), 24)}${lpad(two.perSecond.toFixed(1), 24)}`);
  lines.push(`${pad('2xx/s', 34)}${lpad(one.okPerSecond.toFixed(1), 24)}${lpad(two.okPerSecond.toFixed(1), 24)}`);
  const routes = [...new Set([...one.routes, ...two.routes].map((r) => r.route))].sort();
  for (const name of routes) {
    const a = one.routes.find((r) => r.route === name);
    const b = two.routes.find((r) => r.route === name);
    const cell = (r: typeof a) => (r ? `${(r.count / one.seconds).toFixed(1)}/s p95 ${ms(r.p95)}` : '-');
    lines.push(`${pad(name, 34)}${lpad(cell(a), 24)}${lpad(b ? `${(b.count / two.seconds).toFixed(1)}/s p95 ${ms(b.p95)}` : '-', 24)}`);
  }
  return lines.join('\n');
}
