/**
 * Load scenario: a district's crowd against two server processes on one MariaDB database and one Redis.
 * Residents report with photos, read cases, vote once and comment; grid workers read their inboxes; a thousand
 * live sockets listen. Prints per-route latencies, errors by status, throughput and hung requests; exits non-zero
 * when any request got no answer within the deadline or any acknowledged write is missing from the database.
 *
 *   npm run load -- [--duration=60] [--users=300] [--sockets=1000] [--processes=2] [--fault] [--compare]
 *                   [--short] [--deadline=30] [--think=1000-3000] [--keep-log]
 *
 * --fault    kills one server process with SIGKILL and restarts it, then kills and restarts this run's Redis
 * --compare  runs the same scenario on one process, then on the configured number, and prints both side by side
 * --short    the CI form: 20 s, 60 users, 200 sockets (explicit flags still win)
 * --keep-log keeps the servers' log even when the run passes (it is always kept when it fails)
 */
import { formatComparison, formatRun } from './load/report';
import { runScenario, type ScenarioOptions, type ScenarioResult } from './load/scenario';

function parse(argv: string[]): ScenarioOptions & { compare: boolean } {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    flags.set(m[1], m[2] ?? 'true');
  }
  const known = ['duration', 'users', 'sockets', 'processes', 'fault', 'compare', 'short', 'deadline', 'think', 'keep-log'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name} (known: ${known.join(', ')})`);
  const short = flags.has('short');
  const num = (name: string, fallback: number) => {
    const value = flags.has(name) ? Number(flags.get(name)) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
    return value;
  };
  const think = (flags.get('think') ?? '1000-3000').split('-').map(Number);
  if (think.length !== 2 || think.some((n) => !Number.isFinite(n)) || think[0] > think[1]) throw new Error('--think must be <min>-<max> milliseconds');
  const envUrl = process.env.DATABASE_URL;
  return {
    durationS: num('duration', short ? 20 : 60),
    users: Math.max(2, Math.round(num('users', short ? 60 : 300))),
    sockets: Math.round(num('sockets', short ? 200 : 1000)),
    processes: Math.max(1, Math.round(num('processes', 2))),
    fault: flags.has('fault'),
    keepLog: flags.has('keep-log'),
    compare: flags.has('compare'),
    deadlineMs: num('deadline', 30) * 1000,
    thinkMs: [think[0], think[1]],
    databaseBaseUrl: envUrl && /^(mysql|mariadb):\/\//.test(envUrl) ? envUrl : 'mariadb://root@127.0.0.1:3306/',
    serverEnv: {
      // The crowd reaches the servers as through a balancer on loopback that names each phone in X-Forwarded-For,
      // so per-address rate limits count phones, not the one load machine; the limits themselves stay as shipped.
      TRUST_PROXY: 'loopback',
      // Production settings, with the demo's development sign-in that the crowd signs in through.
      ALLOW_DEV_LOGIN_IN_PRODUCTION: 'true',
    },
  };
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const results: ScenarioResult[] = [];
  if (options.compare) {
    results.push(await runScenario({ ...options, processes: 1 }, '1 process', say));
    say(formatRun(results[0]));
  }
  const label = `${options.processes} process${options.processes === 1 ? '' : 'es'}${options.fault ? ', fault mode' : ''}`;
  results.push(await runScenario(options, label, say));
  say(formatRun(results[results.length - 1]));
  if (options.compare) say(formatComparison(results[0].summary, results[1].summary));

  const failures: string[] = [];
  for (const r of results) {
    if (r.summary.hung > 0) failures.push(`${r.summary.label}: ${r.summary.hung} request(s) got no answer within ${options.deadlineMs / 1000} s`);
    if (r.verdict.lost.length) failures.push(`${r.summary.label}: ${r.verdict.lost.length} acknowledged write(s) missing from the database`);
    if (r.verdict.duplicated.length) failures.push(`${r.summary.label}: ${r.verdict.duplicated.length} write(s) counted twice`);
  }
  say(failures.length ? `\nFAIL\n${failures.map((f) => `  ${f}`).join('\n')}` : '\nPASS: no hung requests, every acknowledged write is in the database');
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
