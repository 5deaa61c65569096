/**
 * Ballots: intake and the final count.
 *  1. Intake — 50 voters (in a worker thread) cast and recast ballots at the same time through the HTTP API
 *     (each voter's next ballot names the receipt of their last, as the mini-program does), on a SQLite file, or on MariaDB
 *     when DATABASE_URL is mysql://. Prints ballots accepted per second (median of three polls). Then the exactly-once check:
 *     one voter submits one ballot 50 times at once with one Idempotency-Key; exactly one may be counted.
 *     Every timed poll's chain must verify and its live counts must equal a recount. Baselines in the same run: the same
 *     load straight into BallotsService (no HTTP), and GET /api/health from the same clients (the web stack).
 *  2. The final count of 100,000 stored ballots (a fifth of them revotes) as the close runs it, against a
 *     plain SQL `GROUP BY choice` over the same rows in the same run (which ignores "last one counts", so
 *     it is a floor, not a competitor), in alternating rounds. Target: the count takes at most twice the GROUP BY.
 *     The count of an owners' vote is measured by owners-tally.bench.ts.
 * Throws when a check fails or the count misses its target.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chainBallots, choiceMask, tallyPoll, verifyChain, type ChainedBallot } from '@linli/shared';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../server/src/app.factory';
import { BallotsService } from '../server/src/deliberations/ballots.service';
import { PollBallot } from '../server/src/deliberations/entities/ballot.entity';
import { Poll } from '../server/src/deliberations/entities/poll.entity';
import { countPollBallots } from '../server/src/deliberations/poll-count';
import { votingPollOf } from '../server/src/deliberations/poll-result';
import { Community } from '../server/src/grids/community.entity';
import { District } from '../server/src/grids/district.entity';
import { Street } from '../server/src/grids/street.entity';
import { Household } from '../server/src/residencies/household.entity';
import { Residency } from '../server/src/residencies/residency.entity';
import { RoleGrant } from '../server/src/users/role-grant.entity';
import { User } from '../server/src/users/user.entity';
import { createScratchMysqlDatabase, type ScratchDatabase } from '../test/api/support/mysql-database';
import { alternate, bareGroupBySql, FINAL_COUNT_TARGET, median } from './final-count';

const VOTERS = 50;
const BALLOTS_PER_VOTER = 20;
/** Untimed ballots per voter on a poll of their own before the timed run (see intake). */
const WARM_UP_PER_VOTER = 10;
const TALLY_BALLOTS = 100_000;
const TALLY_ROUNDS = 5;
/** Timed intake (and health) runs, each on a fresh poll; the median is reported (one noisy second decides nothing). */
const INTAKE_ROUNDS = 3;

export interface BallotsBenchResult {
  dialect: 'sqlite' | 'mariadb';
  intakePerSecond: number;
  serviceIntakePerSecond: number;
  healthPerSecond: number;
  tallyMs: number;
  groupByMs: number;
  tallyOverGroupBy: number;
}

interface Harness {
  app: INestApplication;
  ds: DataSource;
  base: string;
  dialect: 'sqlite' | 'mariadb';
  cleanup(): Promise<void>;
}

async function startServer(): Promise<Harness> {
  const envUrl = process.env.DATABASE_URL;
  let scratch: ScratchDatabase | null = null;
  let dir: string | null = null;
  let databaseUrl: string;
  if (envUrl && /^(mysql|mariadb):\/\//.test(envUrl)) {
    scratch = await createScratchMysqlDatabase(envUrl);
    databaseUrl = scratch.url;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'linli-ballots-'));
    databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  }
  // The ballot path is measured, not the rate limits: 50 voters share one address here.
  const app = await createApp({ databaseUrl, devLogin: true, seedOnStart: false, demo: false, logLevel: 'silent', h5Dir: '/nonexistent-h5', rateLimitEnabled: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    ds: app.get(DataSource),
    base: `http://127.0.0.1:${port}/api`,
    dialect: scratch ? 'mariadb' : 'sqlite',
    cleanup: async () => {
      await app.close();
      await scratch?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function api(h: Harness, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/** A community with a committee, a branch and `voters` verified residents; returns their tokens. */
async function community(h: Harness, voters: number) {
  const ds = h.ds;
  const suffix = `${Date.now()}`;
  const district = await ds.getRepository(District).save({ code: `BD${suffix}`, name: '基准区' });
  const street = await ds.getRepository(Street).save({ code: `BS${suffix}`, name: '基准街道', districtId: district.id });
  const c = await ds.getRepository(Community).save({ code: `BC${suffix}`, name: '基准社区', streetId: street.id });
  const person = async (name: string) => ds.getRepository(User).save(ds.getRepository(User).create({ name, openid: null, phone: null }));
  const token = async (userId: number) => (await api(h, 'POST', '/auth/dev', null, { userId })).body.accessToken as string;
  const committee = await person('居委会');
  const branch = await person('党支部');
  await ds.getRepository(RoleGrant).insert([
    { userId: committee.id, role: 'community_committee', scopeKind: 'community', scopeId: c.id },
    { userId: branch.id, role: 'party_branch', scopeKind: 'community', scopeId: c.id },
  ]);
  const tokens: string[] = [];
  const userIds: number[] = [];
  for (let i = 0; i < voters; i++) {
    const user = await person(`居民${i}`);
    userIds.push(user.id);
    const home = await ds.getRepository(Household).save({ communityId: c.id, gridId: null, building: '1栋', unit: '1单元', room: `${suffix}-${i}` });
    await ds.getRepository(Residency).save({ userId: user.id, householdId: home.id, relation: 'tenant', exclusiveArea: null, status: 'verified' });
    tokens.push(await token(user.id));
  }
  return { communityId: c.id, committee: await token(committee.id), branch: await token(branch.id), tokens, userIds };
}

async function openPoll(h: Harness, c: Awaited<ReturnType<typeof community>>): Promise<number> {
  const topic = await api(h, 'POST', `/communities/${c.communityId}/topics`, c.tokens[0], { title: '基准议题', body: '基准', scope: { kind: 'community' } });
  await api(h, 'POST', `/topics/${topic.body.id}/review`, c.branch, { decision: 'approve' });
  const d = await api(h, 'POST', `/topics/${topic.body.id}/deliberations`, c.committee, { discussionEndsAt: new Date(Date.now() + 3600_000).toISOString() });
  const poll = await api(h, 'POST', `/deliberations/${d.body.id}/polls`, c.committee, {
    title: '基准投票',
    type: 'multiple',
    maxChoices: 2,
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id })),
    opensAt: new Date(Date.now() - 1000).toISOString(),
    closesAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  if (poll.status !== 201) throw new Error(`could not open poll: ${JSON.stringify(poll.body)}`);
  return poll.body.id as number;
}

/**
 * The 50 voters run in a worker thread, so the load generator has its own event loop (and core) instead of
 * competing with the server it measures. Each voter casts, then recasts naming their last receipt.
 */
const VOTER_WORKER = `
  const net = require('node:net');
  const { parentPort, workerData } = require('node:worker_threads');
  const { base, pollId, tokens, perVoter, baseline } = workerData;
  const options = ['a', 'b', 'c', 'd'];
  const url = new URL(base + (baseline ? '/health' : '/polls/' + pollId + '/ballots'));

  // One keep-alive connection per voter, as each phone would hold, speaking HTTP/1.1 straight on the socket:
  // the load generator shares this machine's two cores with the server and the database, and node:http's
  // client spends about as much CPU per request as the server it measures (fetch's capped the run near
  // 1,000 requests/s even against a bare node:http server). Responses must carry Content-Length, which
  // every JSON answer of the API does.
  function connection() {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let waiting = null;
    const tryParse = () => {
      if (!waiting) return;
      const headerEnd = buffer.indexOf('\\r\\n\\r\\n');
      if (headerEnd < 0) return;
      const head = buffer.subarray(0, headerEnd).toString('latin1');
      const length = /\\r\\ncontent-length: *(\\d+)/i.exec(head);
      if (!length) return waiting.reject(new Error('response without content-length: ' + head));
      const total = headerEnd + 4 + Number(length[1]);
      if (buffer.length < total) return;
      const status = Number(head.slice(9, 12));
      const body = buffer.subarray(headerEnd + 4, total).toString('utf8');
      buffer = buffer.subarray(total);
      const done = waiting;
      waiting = null;
      done.resolve({ status, body: JSON.parse(body) });
    };
    socket.on('data', (chunk) => { buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk; tryParse(); });
    socket.on('error', (error) => waiting && waiting.reject(error));
    const send = (token, payload) => new Promise((resolve, reject) => {
      waiting = { resolve, reject };
      if (baseline) {
        socket.write('GET ' + url.pathname + ' HTTP/1.1\\r\\nHost: ' + url.host + '\\r\\n\\r\\n');
        return;
      }
      const body = JSON.stringify(payload);
      socket.write('POST ' + url.pathname + ' HTTP/1.1\\r\\nHost: ' + url.host + '\\r\\nContent-Type: application/json\\r\\nContent-Length: ' + Buffer.byteLength(body) + '\\r\\nAuthorization: Bearer ' + token + '\\r\\n\\r\\n' + body);
    });
    return { send, close: () => socket.destroy() };
  }

  (async () => {
    const connections = tokens.map(() => connection());
    const started = process.hrtime.bigint();
    await Promise.all(tokens.map(async (token, v) => {
      let last;
      for (let i = 0; i < perVoter; i++) {
        const choice = [options[(v + i) % 4], options[(v + i + 1) % 4]];
        const res = await connections[v].send(token, last ? { choice, replacesReceipt: last } : { choice });
        if (baseline) { if (res.status !== 200) throw new Error('health answered ' + res.status); continue; }
        if (res.status !== 201) throw new Error('ballot refused: ' + res.status + ' ' + JSON.stringify(res.body));
        last = res.body.receipt;
      }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    connections.forEach((c) => c.close());
    parentPort.postMessage({ seconds });
  })().catch((e) => parentPort.postMessage({ error: String(e && e.message) }));
`;

function castFromWorker(base: string, pollId: number, tokens: string[], baseline = false, perVoter = BALLOTS_PER_VOTER): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(VOTER_WORKER, { eval: true, workerData: { base, pollId, tokens, perVoter, baseline } });
    worker.once('message', (m: { seconds?: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m.seconds!);
    });
    worker.once('error', reject);
  });
}

async function intake(h: Harness): Promise<number> {
  const c = await community(h, VOTERS);
  // Warm-up, untimed: the same voters first fill a poll of their own, so the timed run measures a server
  // whose ballot path is already compiled by the JIT (from a cold start the first thousand ballots ran at
  // roughly half the rate of the third thousand), not its start-up.
  const warmUpPoll = await openPoll(h, c);
  await castFromWorker(h.base, warmUpPoll, c.tokens, false, WARM_UP_PER_VOTER);
  const rates: number[] = [];
  const pollIds: number[] = [];
  for (let round = 0; round < INTAKE_ROUNDS; round++) {
    const pollId = await openPoll(h, c);
    pollIds.push(pollId);
    rates.push((VOTERS * BALLOTS_PER_VOTER) / (await castFromWorker(h.base, pollId, c.tokens)));
  }
  const accepted = VOTERS * BALLOTS_PER_VOTER;

  // Exactly once: fifty identical submissions at once, one key.
  const extra = await community(h, 1);
  const dupPoll = await openPoll(h, extra);
  const dups = await Promise.all(
    Array.from({ length: 50 }, () => api(h, 'POST', `/polls/${dupPoll}/ballots`, extra.tokens[0], { choice: ['a'] }, { 'idempotency-key': 'bench-duplicate-1' })),
  );
  const created = dups.filter((r) => r.status === 201).length;
  const replayed = dups.filter((r) => r.status === 200).length;
  const stored = await h.ds.getRepository(PollBallot).countBy({ pollId: dupPoll });
  if (created !== 1 || replayed !== 49 || stored !== 1) throw new Error(`exactly-once violated: ${created} created, ${replayed} replayed, ${stored} stored`);

  for (const pollId of pollIds) {
    const chain = await api(h, 'GET', `/polls/${pollId}/chain`, null);
    const poll = await h.ds.getRepository(Poll).findOneByOrFail({ id: pollId });
    const verdict = verifyChain(chain.body.ballots as ChainedBallot[], { pollId: String(pollId), head: poll.chainHead!, count: accepted });
    if (!verdict.ok) throw new Error(`chain does not verify: ${JSON.stringify(verdict)}`);
    const recount = tallyPoll(votingPollOf(poll), (await h.ds.getRepository(PollBallot).findBy({ pollId })).map((b) => b));
    if (JSON.stringify(recount.options.map((o) => o.votes)) !== JSON.stringify(poll.liveCounts.votes) || recount.voters !== VOTERS) {
      throw new Error(`live counts ${JSON.stringify(poll.liveCounts)} differ from the recount ${JSON.stringify(recount.options)}`);
    }
  }
  return median(rates);
}

/**
 * The web stack's own ceiling in this run: the same 50 keep-alive clients, the same number of requests, but
 * GET /api/health (no token, one `SELECT 1`) instead of a ballot, after the same untimed warm-up.
 */
async function trivialRoute(h: Harness): Promise<number> {
  const clients = Array.from({ length: VOTERS }, () => '');
  await castFromWorker(h.base, 0, clients, true, WARM_UP_PER_VOTER);
  const rates: number[] = [];
  for (let round = 0; round < INTAKE_ROUNDS; round++) rates.push((VOTERS * BALLOTS_PER_VOTER) / (await castFromWorker(h.base, 0, clients, true)));
  return median(rates);
}

/**
 * The same load straight into BallotsService (no HTTP, no token check), to tell the storage path's own
 * rate apart from the web stack's.
 */
async function serviceIntake(h: Harness): Promise<number> {
  const c = await community(h, VOTERS);
  const pollId = await openPoll(h, c);
  const ballots = h.app.get(BallotsService);
  const options = ['a', 'b', 'c', 'd'];
  const started = process.hrtime.bigint();
  await Promise.all(
    c.userIds.map(async (id, v) => {
      let last: string | undefined;
      for (let i = 0; i < BALLOTS_PER_VOTER; i++) {
        const choice = [options[(v + i) % 4], options[(v + i + 1) % 4]];
        const outcome = await ballots.cast({ id, grants: [] }, pollId, last ? { choice, replacesReceipt: last } : { choice }, undefined);
        last = outcome.receipt.receipt;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stored = await h.ds.getRepository(PollBallot).countBy({ pollId });
  if (stored !== VOTERS * BALLOTS_PER_VOTER) throw new Error(`service intake stored ${stored} ballots`);
  return (VOTERS * BALLOTS_PER_VOTER) / seconds;
}

/** Stores TALLY_BALLOTS chained ballots for a fresh poll straight into the table (the intake is measured above). */
async function seedBallots(h: Harness): Promise<Poll> {
  const c = await community(h, 1);
  const pollId = await openPoll(h, c);
  const options = ['a', 'b', 'c', 'd'];
  const voters = Math.round(TALLY_BALLOTS * 0.8);
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lastSeq = new Map<number, number>();
  const plain = [];
  const keys: string[] = [];
  for (let seq = 1; seq <= TALLY_BALLOTS; seq++) {
    const voter = seq <= voters ? seq : 1 + Math.floor(rand() * voters);
    const first = Math.floor(rand() * 4);
    const choice = rand() < 0.5 ? [options[first]] : [options[Math.min(first, 2)], options[Math.min(first, 2) + 1]];
    const supersedesSeq = lastSeq.get(voter);
    lastSeq.set(voter, seq);
    plain.push({ pollId: String(pollId), seq, nonce: seq.toString(16).padStart(32, '0'), choice, castAt: new Date(Date.UTC(2026, 0, 1) + seq).toISOString(), supersedesSeq });
    keys.push(`user:${voter}`);
  }
  const chained = chainBallots(String(pollId), plain);
  const repo = h.ds.getRepository(PollBallot);
  await h.ds.transaction(async (manager) => {
    for (let i = 0; i < chained.length; i += 500) {
      await manager.getRepository(PollBallot).insert(
        chained.slice(i, i + 500).map((b, j) =>
          repo.create({
            pollId,
            seq: b.seq,
            voterKey: keys[i + j],
            choice: [...b.choice],
            nonce: b.nonce,
            castAt: b.castAt,
            hash: b.hash,
            prevHash: i + j === 0 ? '' : chained[i + j - 1].hash,
            supersedesSeq: b.supersedesSeq ?? null,
            clientKey: null,
            // As the intake writes it (ballot-intake.ts).
            choiceMask: choiceMask(b.choice.map((id) => options.indexOf(id))),
          }),
        ),
      );
    }
    await manager.getRepository(Poll).update({ id: pollId }, { chainSeq: TALLY_BALLOTS, chainHead: chained[chained.length - 1].hash, eligibleCount: voters });
  });
  return h.ds.getRepository(Poll).findOneByOrFail({ id: pollId });
}

async function tally(h: Harness): Promise<{ tallyMs: number; groupByMs: number }> {
  const poll = await seedBallots(h);
  let voters = 0;
  let grouped = 0;
  const { baselineMs: groupByMs, subjectMs: tallyMs } = await alternate(
    TALLY_ROUNDS,
    async () => {
      const rows: { n: number | string }[] = await h.ds.query(bareGroupBySql(h.dialect), [poll.id]);
      grouped = rows.reduce((sum, r) => sum + Number(r.n), 0);
    },
    async () => {
      const result = await countPollBallots(h.ds.manager, poll);
      voters = result.tally.voters;
    },
  );
  if (grouped !== TALLY_BALLOTS) throw new Error(`GROUP BY saw ${grouped} ballots`);
  if (voters !== Math.round(TALLY_BALLOTS * 0.8)) throw new Error(`tally counted ${voters} voters`);
  return { tallyMs, groupByMs };
}

export default async function run(): Promise<BallotsBenchResult> {
  const h = await startServer();
  try {
    const healthPerSecond = await trivialRoute(h);
    const intakePerSecond = await intake(h);
    const serviceIntakePerSecond = await serviceIntake(h);
    const { tallyMs, groupByMs } = await tally(h);
    const result: BallotsBenchResult = { dialect: h.dialect, intakePerSecond, serviceIntakePerSecond, healthPerSecond, tallyMs, groupByMs, tallyOverGroupBy: tallyMs / groupByMs };
    const lines = [
      `database: ${h.dialect}`,
      `intake: ${VOTERS} concurrent voters × ${BALLOTS_PER_VOTER} ballots over HTTP, median of ${INTAKE_ROUNDS} polls: ${intakePerSecond.toFixed(0)} ballots/s accepted${h.dialect === 'mariadb' ? ' (target ≥ 1000/s)' : ''}`,
      `intake without HTTP (straight into BallotsService), same load: ${serviceIntakePerSecond.toFixed(0)} ballots/s`,
      `baseline: GET /api/health from the same clients, same count, median of ${INTAKE_ROUNDS} runs: ${healthPerSecond.toFixed(0)} requests/s`,
      `exactly once: 50 simultaneous duplicates → 1 counted ballot (ok); chain verifies; live counts equal a recount`,
      `final count of ${TALLY_BALLOTS.toLocaleString('en')} ballots, median of ${TALLY_ROUNDS} alternating rounds: ${tallyMs.toFixed(1)} ms; SQL GROUP BY over the same rows: ${groupByMs.toFixed(1)} ms; ratio ${result.tallyOverGroupBy.toFixed(2)}× (target ≤ ${FINAL_COUNT_TARGET}×)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (result.tallyOverGroupBy > FINAL_COUNT_TARGET) throw new Error(`final count ${result.tallyOverGroupBy.toFixed(2)}× the GROUP BY (target ≤ ${FINAL_COUNT_TARGET}×)`);
    return result;
  } finally {
    await h.cleanup();
  }
}
