/**
 * The final count of an owners' vote (业主共同决定, Civil Code Art. 278): 100,000 stored ballots over a roll of
 * 80,000 units (a fifth of the ballots are revotes; some owners hold several units), counted as the close
 * counts them, against a bare SQL `GROUP BY choice` over the same rows in the same run. The GROUP BY ignores
 * "last one counts", area and heads, so it is a floor, not a competitor. Rounds alternate between the two and
 * the medians are compared. Runs on a SQLite file, and on MariaDB too when DATABASE_URL is mariadb:// (or
 * mysql://), each in a scratch database it drops.
 * The GROUP BY is kept off the index the count reads (see final-count.ts), which would slow it down.
 * Target: the count takes at most twice the GROUP BY. Throws when a target is missed or the count differs from
 * the straightforward per-ballot recount of the same ballots.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainBallots, choiceMask, indexOwnerRoll, type ChainBallot } from '@linli/shared';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../server/src/app.factory';
import { PollBallot } from '../server/src/deliberations/entities/ballot.entity';
import { Poll, type PollRollUnit } from '../server/src/deliberations/entities/poll.entity';
import { countPollBallots } from '../server/src/deliberations/poll-count';
import { computePollResult, ownerUnitsOf } from '../server/src/deliberations/poll-result';
import { createScratchMysqlDatabase, type ScratchDatabase } from '../test/api/support/mysql-database';
import { alternate, bareGroupBySql, FINAL_COUNT_TARGET } from './final-count';

const UNITS = 80_000;
const BALLOTS = 100_000;
const ROUNDS = 15;

export interface OwnersTallyBenchResult {
  dialect: 'sqlite' | 'mariadb';
  countMs: number;
  groupByMs: number;
  ratio: number;
}

interface Database {
  app: INestApplication;
  ds: DataSource;
  dialect: 'sqlite' | 'mariadb';
  cleanup(): Promise<void>;
}

async function open(mariadbUrl: string | null): Promise<Database> {
  let scratch: ScratchDatabase | null = null;
  let dir: string | null = null;
  let databaseUrl: string;
  if (mariadbUrl) {
    scratch = await createScratchMysqlDatabase(mariadbUrl);
    databaseUrl = scratch.url;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'linli-owners-tally-'));
    databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  }
  const app = await createApp({ databaseUrl, devLogin: false, seedOnStart: false, demo: false, logLevel: 'silent', h5Dir: '/nonexistent-h5' });
  await app.init();
  return {
    app,
    ds: app.get(DataSource),
    dialect: scratch ? 'mariadb' : 'sqlite',
    cleanup: async () => {
      await app.close();
      await scratch?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small deterministic generator (mulberry32), so every run counts the same ballots. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A roll of UNITS units, 30–180 m² to the hundredth; about one unit in twelve belongs to an owner who holds
 * two or three, as flats bought together or a parking space with a flat do.
 */
function roll(rand: () => number): PollRollUnit[] {
  const units: PollRollUnit[] = [];
  let owner = 0;
  while (units.length < UNITS) {
    owner++;
    const held = rand() < 0.04 ? 2 + Math.floor(rand() * 2) : 1;
    for (let k = 0; k < held && units.length < UNITS; k++) {
      const id = units.length + 1;
      units.push({ unitId: String(id), ownerKey: `user:${owner}`, exclusiveArea: 3000 + Math.floor(rand() * 15_000), label: `${1 + Math.floor(id / 400)}栋${id % 400}室` });
    }
  }
  return units;
}

/** Stores an owners' vote with its roll and BALLOTS chained ballots straight into the tables. */
async function seed(db: Database): Promise<{ poll: Poll; ballots: { voterKey: string; seq: number; choice: string[] }[] }> {
  const rand = seeded(278);
  const units = roll(rand);
  const index = indexOwnerRoll(ownerUnitsOf(units));
  const repo = db.ds.getRepository(Poll);
  const { id: pollId } = await repo.save(
    repo.create({
      deliberationId: 1,
      communityId: 1,
      title: '续聘物业服务企业',
      type: 'approval3',
      options: [
        { id: 'agree', label: '同意' },
        { id: 'disagree', label: '反对' },
        { id: 'abstain', label: '弃权' },
      ],
      maxChoices: 1,
      opensAt: new Date(Date.UTC(2026, 0, 1)),
      closesAt: new Date(Date.UTC(2026, 0, 15)),
      hideResultsUntilClose: false,
      scopeKind: 'owners',
      scopeBuilding: null,
      ownerMatter: 'hire_or_dismiss_manager',
      eligibleCount: units.length,
      ownerRoll: units,
      ownerTotals: index.totals,
      voterRoll: null,
      status: 'open',
      closedAt: null,
      chainSeq: 0,
      chainHead: null,
      liveCounts: { votes: [0, 0, 0], voters: 0, area: [0, 0, 0] },
      result: null,
      createdById: 1,
    }),
  );

  const choices = ['agree', 'agree', 'agree', 'disagree', 'abstain'];
  const lastSeq = new Map<number, number>();
  const plain: ChainBallot[] = [];
  const voterKeys: string[] = [];
  for (let seq = 1; seq <= BALLOTS; seq++) {
    // The first UNITS ballots are one per unit; the rest are revotes of random units.
    const unit = seq <= UNITS ? seq - 1 : Math.floor(rand() * UNITS);
    const supersedesSeq = lastSeq.get(unit);
    lastSeq.set(unit, seq);
    plain.push({
      pollId: String(pollId),
      seq,
      nonce: seq.toString(16).padStart(32, '0'),
      choice: [choices[Math.floor(rand() * choices.length)]],
      castAt: new Date(Date.UTC(2026, 0, 2) + seq).toISOString(),
      supersedesSeq,
    });
    voterKeys.push(`unit:${units[unit].unitId}`);
  }
  const chained = chainBallots(String(pollId), plain);
  // What the intake writes with each ballot (ballot-intake.ts): the choice's mask, the unit's area and head.
  const positions = new Map(['agree', 'disagree', 'abstain'].map((id, i) => [id, i]));
  await db.ds.transaction(async (manager) => {
    for (let i = 0; i < chained.length; i += 500) {
      await manager.getRepository(PollBallot).insert(
        chained.slice(i, i + 500).map((b, j) => ({
          pollId,
          seq: b.seq,
          voterKey: voterKeys[i + j],
          choice: [...b.choice],
          nonce: b.nonce,
          castAt: b.castAt,
          hash: b.hash,
          prevHash: i + j === 0 ? '' : chained[i + j - 1].hash,
          supersedesSeq: b.supersedesSeq ?? null,
          clientKey: null,
          choiceMask: choiceMask(b.choice.map((id) => positions.get(id)!)),
          unitArea: index.units.get(voterKeys[i + j].slice('unit:'.length))!.area,
          ownerHead: index.units.get(voterKeys[i + j].slice('unit:'.length))!.head,
        })),
      );
    }
    await manager.getRepository(Poll).update({ id: pollId }, { chainSeq: BALLOTS, chainHead: chained[chained.length - 1].hash });
  });
  const poll = await repo.findOneByOrFail({ id: pollId });
  return { poll, ballots: chained.map((b, i) => ({ voterKey: voterKeys[i], seq: b.seq, choice: [...b.choice] })) };
}

async function measure(mariadbUrl: string | null): Promise<OwnersTallyBenchResult> {
  const db = await open(mariadbUrl);
  try {
    const { poll, ballots } = await seed(db);
    // The straightforward recount: every ballot, one at a time, the last per unit counting.
    const expected = computePollResult(poll, ballots, { head: poll.chainHead!, count: poll.chainSeq });
    let counted: Awaited<ReturnType<typeof countPollBallots>> | null = null;
    let grouped = 0;
    const { baselineMs: groupByMs, subjectMs: countMs } = await alternate(
      ROUNDS,
      async () => {
        const rows: { n: number | string }[] = await db.ds.query(bareGroupBySql(db.dialect), [poll.id]);
        grouped = rows.reduce((sum, r) => sum + Number(r.n), 0);
      },
      async () => {
        counted = await countPollBallots(db.ds.manager, poll);
      },
    );
    if (grouped !== BALLOTS) throw new Error(`GROUP BY saw ${grouped} ballots`);
    if (JSON.stringify(counted) !== JSON.stringify(expected)) {
      throw new Error(`the final count differs from the per-ballot recount:\n${JSON.stringify(counted)}\n${JSON.stringify(expected)}`);
    }
    return { dialect: db.dialect, countMs, groupByMs, ratio: countMs / groupByMs };
  } finally {
    await db.cleanup();
  }
}

export default async function run(): Promise<OwnersTallyBenchResult[]> {
  const envUrl = process.env.DATABASE_URL;
  const mariadb = envUrl && /^(mysql|mariadb):\/\//.test(envUrl) ? envUrl : null;
  const results: OwnersTallyBenchResult[] = [];
  for (const url of [null, ...(mariadb ? [mariadb] : [])]) {
    const r = await measure(url);
    results.push(r);
    process.stdout.write(
      `${r.dialect}: final count of an owners' vote, ${BALLOTS.toLocaleString('en')} ballots over ${UNITS.toLocaleString('en')} units, ` +
        `median of ${ROUNDS} alternating rounds: ${r.countMs.toFixed(1)} ms; bare GROUP BY over the same rows: ${r.groupByMs.toFixed(1)} ms; ` +
        `ratio ${r.ratio.toFixed(2)}× (target ≤ ${FINAL_COUNT_TARGET}×)\n`,
    );
  }
  const missed = results.filter((r) => r.ratio > FINAL_COUNT_TARGET);
  if (missed.length) throw new Error(`final count over ${FINAL_COUNT_TARGET}× the GROUP BY on ${missed.map((r) => `${r.dialect} (${r.ratio.toFixed(2)}×)`).join(', ')}`);
  return results;
}
