/**
 * Report intake (随手拍): how many reports a second the real intake service takes in — duplicate check,
 * category, point-in-grid, roster routing, the day's case code, the case row, its timeline entry and audit
 * row in one transaction, the live nudge — against a raw driver loop inserting the same rows (one
 * transaction per report: case, timeline entry, audit row) in the same run. Photos are left out (the
 * reports carry none), so both sides write the same JSON-only rows.
 *
 * Runs on SQLite (a temp file; raw loop: better-sqlite3 on the same file) and on MariaDB (a scratch database
 * created and dropped here on mysql://root@127.0.0.1:3306/test or the mysql:// DATABASE_URL; raw loop:
 * mysql2). Both sides run one report after another; on MariaDB also with CONCURRENCY clients at once on each
 * side (intake: concurrent submissions to the one server; raw: as many connections), as a server is used.
 * Each setting alternates intake and raw loop ROUNDS times and compares the median rates.
 * Target: intake at least half the raw insert rate. Throws when rows are missing or malformed.
 *   npm run bench -- case-intake
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { INestApplication } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { createApp } from '../server/src/app.factory';
import { CaseIntake, SubmitReportInput } from '../server/src/cases/case-intake.service';
import { AuditLogEntry, Case, CaseTimelineEntry } from '../server/src/cases/entities';
import { Department } from '../server/src/departments/department.entity';
import { ProblemCategory } from '../server/src/departments/problem-category.entity';
import { DutyShift } from '../server/src/dispatch/duty-shift.entity';
import { Community } from '../server/src/grids/community.entity';
import { District } from '../server/src/grids/district.entity';
import { Grid } from '../server/src/grids/grid.entity';
import { Street } from '../server/src/grids/street.entity';
import { User } from '../server/src/users/user.entity';
import { createScratchMysqlDatabase, type ScratchDatabase } from '../test/api/support/mysql-database';

/** The slice of better-sqlite3 the raw loop uses (the package ships no types here). */
interface RawSqlite {
  pragma(source: string): unknown;
  prepare(sql: string): { run(params: Row): { lastInsertRowid: number | bigint } };
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => RawSqlite;

const WARMUP = 30;
const REPORTS: Record<Dialect, number> = { sqlite: 600, mariadb: 400 };
const REPORTERS = 50;
const TARGET_RATIO = 0.5;
/** Intake and raw loop alternate this many times per setting; the medians are compared (one noisy second decides nothing). */
const ROUNDS = 5;
/** Clients at once in the concurrent MariaDB round (SQLite has one writer, so it runs only the sequential one). */
const CONCURRENCY = 8;
const DEFAULT_MARIADB = 'mysql://root@127.0.0.1:3306/test';

type Dialect = 'sqlite' | 'mariadb';

export interface CaseIntakeBenchResult {
  dialect: Dialect;
  clients: number;
  reports: number;
  intakePerSecond: number;
  rawPerSecond: number;
  ratio: number;
  meetsTarget: boolean;
}

interface World {
  reporterIds: number[];
  categoryId: number;
  centre: { lng: number; lat: number };
}

/** A district with one grid, a worker on duty around the clock, a category and its department, reporters. */
async function buildWorld(ds: DataSource): Promise<World> {
  const district = await ds.getRepository(District).save({ code: 'BENCH-D', name: '基准区' });
  const street = await ds.getRepository(Street).save({ code: 'BENCH-S', name: '基准街道', districtId: district.id });
  const community = await ds.getRepository(Community).save({ code: 'BENCH-C', name: '基准社区', streetId: street.id });
  const centre = { lng: 113.27, lat: 23.13 };
  const half = 0.002;
  const ring = [
    [centre.lng - half, centre.lat - half],
    [centre.lng + half, centre.lat - half],
    [centre.lng + half, centre.lat + half],
    [centre.lng - half, centre.lat + half],
    [centre.lng - half, centre.lat - half],
  ];
  const grid = await ds.getRepository(Grid).save({
    code: 'BENCH-G',
    name: '第1网格',
    communityId: community.id,
    polygon: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
    minLng: centre.lng - half,
    minLat: centre.lat - half,
    maxLng: centre.lng + half,
    maxLat: centre.lat + half,
  });
  const department = await ds.getRepository(Department).save({ code: 'BENCH-CG', name: '城管执法', districtId: district.id, phone: null });
  const category = await ds.getRepository(ProblemCategory).save(
    ds.getRepository(ProblemCategory).create({
      code: 'bench-vending',
      name: '占道经营',
      groupName: '市容环境',
      defaultDepartmentId: department.id,
      responseHours: 2,
      resolveHours: 48,
      keywords: ['摊贩', '占道'],
      sortOrder: 0,
    }),
  );
  const person = (name: string) => ds.getRepository(User).save(ds.getRepository(User).create({ name, openid: null, phone: null }));
  const worker = await person('网格员');
  for (let weekday = 0; weekday < 7; weekday++) {
    await ds.getRepository(DutyShift).insert({ gridId: grid.id, communityId: community.id, userId: worker.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
  }
  const reporterIds: number[] = [];
  for (let i = 0; i < REPORTERS; i++) reporterIds.push((await person(`居民${i}`)).id);
  return { reporterIds, categoryId: category.id, centre };
}

function reportOf(world: World, i: number): SubmitReportInput {
  return {
    clientKey: randomUUID(),
    photoIds: [],
    lng: world.centre.lng + ((i % 17) - 8) * 0.0001,
    lat: world.centre.lat + ((i % 13) - 6) * 0.0001,
    address: `解放北路 ${i} 号`,
    description: `路口有流动摊贩占道摆摊，行人只能走机动车道（第 ${i} 次反映）`,
    categoryId: world.categoryId,
  };
}

/** The rows intake wrote for these cases, as the database holds them, for the raw loop to write again. */
async function writtenRows(ds: DataSource, caseIds: number[]) {
  const cases = await ds.getRepository(Case).createQueryBuilder('c').where({ id: In(caseIds) }).orderBy('c.id').getRawMany<Record<string, unknown>>();
  const timeline = await ds.getRepository(CaseTimelineEntry).createQueryBuilder('t').where({ caseId: In(caseIds) }).getRawMany<Record<string, unknown>>();
  const audit = await ds.getRepository(AuditLogEntry).createQueryBuilder('a').where({ entity: 'case', entityId: In(caseIds.map(String)) }).getRawMany<Record<string, unknown>>();
  // getRawMany prefixes columns with the alias (c_code); strip it back to the column name.
  const strip = (prefix: string) => (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.slice(prefix.length + 1), v]));
  const byCase = <T extends Record<string, unknown>>(rows: T[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
  const timelineOf = byCase(timeline.map(strip('t')), 'case_id');
  const auditOf = byCase(audit.map(strip('a')), 'entity_id');
  const rows = cases.map(strip('c')).map((c) => ({ case: c, timeline: timelineOf.get(String(c.id)), audit: auditOf.get(String(c.id)) }));
  for (const r of rows) if (!r.timeline || !r.audit) throw new Error(`intake left case ${String(r.case.id)} without its timeline entry or audit row`);
  return rows as { case: Record<string, unknown>; timeline: Record<string, unknown>; audit: Record<string, unknown> }[];
}

type Row = Record<string, unknown>;

/** The copy the raw loop inserts: no id (the database gives one), its own code and client key. */
function copyOf(row: Row, i: number): Row {
  const { id: _id, ...rest } = row;
  return { ...rest, code: `RAW-${i}`, client_key: `raw-${i}-${String(row.client_key)}` };
}

/** Measures `clients` at a time: intake first, then the raw loop over the rows intake wrote. */
async function round(app: INestApplication, ds: DataSource, world: World, dialect: Dialect, clients: number, offset: number, rawUrlOrFile: string): Promise<CaseIntakeBenchResult> {
  const count = REPORTS[dialect];
  let caseIds: number[] = [];
  const intakeSeconds = await timeIt(async () => {
    caseIds = await intake(app, world, count, offset, clients);
  });
  const rows = await writtenRows(ds, caseIds);
  if (rows.length !== count) throw new Error(`intake wrote ${rows.length} cases, expected ${count}`);
  if (rows.some((r) => r.case.grid_id === null || r.case.handler_user_id === null || r.case.status !== 'submitted')) {
    throw new Error('intake did not route every report to the grid worker on duty');
  }
  const codes = new Set(rows.map((r) => r.case.code));
  if (codes.size !== count) throw new Error('intake handed out a case code twice');

  const before = await ds.getRepository(Case).count();
  const rawSeconds = dialect === 'sqlite' ? rawSqlite(rawUrlOrFile, rows, offset) : await rawMariadb(rawUrlOrFile, rows, clients, offset);
  const written = (await ds.getRepository(Case).count()) - before;
  if (written !== count) throw new Error(`raw loop wrote ${written} cases, expected ${count}`);

  const intakePerSecond = count / intakeSeconds;
  const rawPerSecond = count / rawSeconds;
  const ratio = intakePerSecond / rawPerSecond;
  return { dialect, clients, reports: count, intakePerSecond, rawPerSecond, ratio, meetsTarget: ratio >= TARGET_RATIO };
}
/** The median intake and raw rates of several rounds of one setting, and their ratio. */
function medianOf(rounds: CaseIntakeBenchResult[]): CaseIntakeBenchResult {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const intakePerSecond = median(rounds.map((r) => r.intakePerSecond));
  const rawPerSecond = median(rounds.map((r) => r.rawPerSecond));
  const ratio = intakePerSecond / rawPerSecond;
  return { ...rounds[0], reports: rounds.reduce((n, r) => n + r.reports, 0), intakePerSecond, rawPerSecond, ratio, meetsTarget: ratio >= TARGET_RATIO };
}

const withoutId = ({ id: _id, ...rest }: Row): Row => rest;

async function timeIt(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** `count` reports through the intake service, `clients` at a time; returns the new case ids. */
async function intake(app: INestApplication, world: World, count: number, offset: number, clients = 1): Promise<number[]> {
  const service = app.get(CaseIntake);
  const ids: number[] = [];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < count; i = next++) {
      const reporterId = world.reporterIds[(offset + i) % world.reporterIds.length];
      const outcome = await service.submit(reporterId, reportOf(world, offset + i));
      if (!outcome.created) throw new Error('intake returned an earlier case for a fresh client key');
      ids.push(outcome.caseId);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return ids.sort((a, b) => a - b);
}

function rawSqlite(file: string, rows: Awaited<ReturnType<typeof writtenRows>>, tag = 0): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  try {
    const insert = (table: string, sample: Row) => {
      const cols = Object.keys(sample);
      return db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    };
    const caseStmt = insert('cases', copyOf(rows[0].case, 0));
    const timelineStmt = insert('case_timeline', withoutId(rows[0].timeline));
    const auditStmt = insert('audit_log', withoutId(rows[0].audit));
    const one = db.transaction((r: (typeof rows)[number], i: number) => {
      const caseId = caseStmt.run(copyOf(r.case, tag + i)).lastInsertRowid;
      timelineStmt.run({ ...withoutId(r.timeline), case_id: caseId });
      auditStmt.run({ ...withoutId(r.audit), entity_id: String(caseId) });
    });
    const start = process.hrtime.bigint();
    rows.forEach((r, i) => one(r, i));
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    db.close();
  }
}

/** The same rows through `clients` mysql2 connections, each inserting its share one report per transaction. */
async function rawMariadb(url: string, rows: Awaited<ReturnType<typeof writtenRows>>, clients = 1, tag = 0): Promise<number> {
  const conns = await Promise.all(Array.from({ length: clients }, () => createConnection({ uri: url, timezone: 'Z', supportBigNumbers: true })));
  try {
    const sql = (table: string, sample: Row) => {
      const cols = Object.keys(sample);
      return { cols, text: `INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})` };
    };
    const caseSql = sql('cases', copyOf(rows[0].case, 0));
    const timelineSql = sql('case_timeline', withoutId(rows[0].timeline));
    const auditSql = sql('audit_log', withoutId(rows[0].audit));
    let next = 0;
    const loop = async (conn: (typeof conns)[number]) => {
      for (let i = next++; i < rows.length; i = next++) {
        const r = rows[i];
        await conn.beginTransaction();
        const c = copyOf(r.case, tag + i);
        const [res] = (await conn.execute(caseSql.text, caseSql.cols.map((k) => c[k] ?? null) as never[])) as unknown as [{ insertId: number }];
        const t: Row = { ...withoutId(r.timeline), case_id: res.insertId };
        await conn.execute(timelineSql.text, timelineSql.cols.map((k) => t[k] ?? null) as never[]);
        const a: Row = { ...withoutId(r.audit), entity_id: String(res.insertId) };
        await conn.execute(auditSql.text, auditSql.cols.map((k) => a[k] ?? null) as never[]);
        await conn.commit();
      }
    };
    return await timeIt(async () => {
      await Promise.all(conns.map(loop));
    });
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}

async function benchOne(dialect: Dialect): Promise<CaseIntakeBenchResult[]> {
  let scratch: ScratchDatabase | null = null;
  let dir: string | null = null;
  let databaseUrl: string;
  if (dialect === 'mariadb') {
    const envUrl = process.env.DATABASE_URL;
    const base = envUrl && /^(mysql|mariadb):\/\//.test(envUrl) ? envUrl : DEFAULT_MARIADB;
    try {
      scratch = await createScratchMysqlDatabase(base);
    } catch (error) {
      process.stdout.write(`MariaDB at ${base} not reachable (${String(error)}); skipped\n`);
      return [];
    }
    databaseUrl = scratch.url;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'linli-intake-'));
    databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  }
  const app = await createApp({ databaseUrl, devLogin: false, seedOnStart: false, demo: false, logLevel: 'silent', h5Dir: '/nonexistent-h5', caseSweepSeconds: 0 });
  try {
    const ds = app.get(DataSource);
    const world = await buildWorld(ds);
    await intake(app, world, WARMUP, 0);
    const raw = dialect === 'sqlite' ? join(dir!, 'bench.sqlite') : databaseUrl;
    let offset = WARMUP;
    const rounds = async (clients: number) => {
      const each: CaseIntakeBenchResult[] = [];
      for (let r = 0; r < ROUNDS; r++, offset += REPORTS[dialect]) each.push(await round(app, ds, world, dialect, clients, offset, raw));
      return medianOf(each);
    };
    const results = [await rounds(1)];
    if (dialect === 'mariadb') results.push(await rounds(CONCURRENCY));
    return results;
  } finally {
    await app.close();
    await scratch?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<CaseIntakeBenchResult[]> {
  const results: CaseIntakeBenchResult[] = [];
  for (const dialect of ['sqlite', 'mariadb'] as const) {
    results.push(...(await benchOne(dialect)));
  }
  const fmt = (n: number) => n.toFixed(0).padStart(10);
  process.stdout.write(`\n${'database'.padEnd(10)}${'clients'.padStart(8)}${'reports'.padStart(9)}${'intake/s'.padStart(10)}${'raw/s'.padStart(10)}${'ratio'.padStart(8)}  target ≥ ${TARGET_RATIO}\n`);
  for (const r of results) {
    process.stdout.write(`${r.dialect.padEnd(10)}${String(r.clients).padStart(8)}${String(r.reports).padStart(9)}${fmt(r.intakePerSecond)}${fmt(r.rawPerSecond)}${r.ratio.toFixed(2).padStart(8)}  ${r.meetsTarget ? 'met' : 'NOT met'}\n`);
  }
  return results;
}

export { run, buildWorld, reportOf };
