import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import fc, { type JsonValue } from 'fast-check';
import { hasTextKind } from '../../server/src/common/text-fields';
import type { AppConfig } from '../../server/src/config/app-config';
import { solidJpeg } from '../../server/src/media/image/test-images';
import { Residency } from '../../server/src/residencies/residency.entity';
import { Household } from '../../server/src/residencies/household.entity';
import { addGrant, createUser, unique } from './support/factories';
import { inHours, Neighbourhood } from './support/neighbourhood';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every write route (POST/PUT/PATCH/DELETE, read from the app's OpenAPI document, so a new route joins by itself)
 * gets random and mutated bodies and bad path ids, as a user its permission guard lets through, and must answer
 * 4xx, never 5xx, and change no row of any table. Every generated request is invalid by construction (a required
 * field gone or of the wrong type, a number beyond every bound, an unknown field, a nested array, a bad id), so
 * no request may legitimately succeed. FUZZ_RUNS sets the runs per route and input (default 30), FUZZ_SEED the seed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
// Each property sends hundreds of requests; on MariaDB with a row count of every table around each one.
jest.setTimeout(600_000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

type Json = JsonValue;
type Body = Record<string, Json>;

/** A valid body for each request DTO (by class name), the seed the mutations start from. */
function validBodies(w: World): Record<string, Body> {
  const at = (h: number) => inHours(h);
  return {
    WechatLoginDto: { code: 'wx-code-123' },
    DevLoginDto: { userId: w.userId },
    SubmitReportDto: { clientKey: randomUUID(), photoIds: [w.photoId], lng: w.point.lng, lat: w.point.lat, description: '路灯不亮', address: '测试路 1 号' },
    AcceptCaseDto: { note: '收到', expectedVersion: 1 },
    RejectCaseDto: { kind: 'invalid', reason: '不属于受理范围' },
    DispatchCaseDto: { departmentId: 1, coDepartmentIds: [2], categoryId: 1, note: '请处理' },
    ReassignCaseDto: { handlerUserId: w.userId, note: '转派' },
    ReturnCaseDto: { reason: '不属于本网格' },
    StartCaseDto: { note: '开始处理' },
    ResolveCaseDto: { note: '已修复', photoIds: [w.photoId] },
    RateCaseDto: { score: 5, comment: '满意' },
    EscalateCaseDto: { note: '超时未处理' },
    ReportDismissDto: { note: '举报不成立' },
    ReasonDto: { reason: '不文明用语' },
    DeliberationOpenDto: { discussionEndsAt: at(24), title: '议事标题' },
    MinutesInputDto: { title: '议事纪要', summary: '到会 12 人', heldAt: new Date().toISOString(), photoIds: [w.photoId] },
    CommentInputDto: { body: '赞成', parentId: w.commentId },
    PollInputDto: { title: '充电桩放在哪里', type: 'single', options: [{ id: 'a', label: '东门' }, { id: 'b', label: '西门' }], maxChoices: 1, opensAt: at(1), closesAt: at(2), hideResultsUntilClose: false },
    BallotInputDto: { choice: ['east'], unitId: w.householdId },
    TopicInputDto: { title: '楼道灯坏了', body: '三楼的灯不亮', photoIds: [w.photoId], scope: { kind: 'building', building: '1栋' } },
    TopicReviewDto: { decision: 'reject', reason: '重复', mergeIntoTopicId: w.topicId },
    ResidencyApplicationDto: { communityId: w.communityId, building: '3栋', unit: '2单元', room: unique('R'), relation: 'owner', exclusiveArea: 89.37, realName: '陈大文' },
    ResidencyReviewDto: { approve: false, note: '信息不符' },
    WechatSubscriptionDto: { templateKey: 'poll_result', subject: `poll:${w.pollId}` },
    VolunteerActivityDto: {
      title: '周末楼道清洁',
      themeCode: 'elder_meals',
      description: '打扫楼道',
      requirements: '自带手套',
      startsAt: at(24),
      endsAt: at(26),
      placeName: '社区党群服务中心',
      place: { lng: w.point.lng, lat: w.point.lat, accuracyMeters: 10 },
      radiusMeters: 200,
      capacity: 10,
      checkMethods: ['qr'],
      requireLocation: false,
      requireConfirmedSignup: true,
    },
    VolunteerActivityEditDto: { title: '周末楼道清洁', startsAt: at(24), endsAt: at(27), place: { lng: w.point.lng, lat: w.point.lat }, radiusMeters: 300 },
    VolunteerActivityCancelDto: { reason: '暴雨预警' },
    VolunteerCapacityDto: { capacity: 5 },
    VolunteerAttendanceDto: { token: 'x'.repeat(20), position: { lng: w.point.lng, lat: w.point.lat, accuracyMeters: 10 } },
    VolunteerAttendanceCorrectionDto: { checkInAt: at(24), checkOutAt: at(25), reason: '手机没电补录' },
    VolunteerAttendanceRecordDto: { userId: w.userId, checkInAt: at(24), checkOutAt: at(25), reason: '手机没电补录' },
    VolunteerServiceRecordReviewDto: { decision: 'reject', reason: '未到场' },
    VolunteerProfileDto: { realName: '陈大文', idNumber: '44010419900101123X', organizationName: '某局' },
    PartyMemberCheckInDto: { communityId: w.communityId, partyOrganizationName: '某局机关第一党支部', partyOrganizationId: w.partyOrganizationId },
    PartyOrganizationDto: { name: '某局机关党委', contactName: '李四', contactPhone: '020-12345678', resources: ['场地'], needs: ['志愿者'] },
    VolunteerCheckInReviewDto: { approve: false, note: '不在本社区' },
  };
}

/** Which world row a path parameter names, by the route's first segment after /api. */
function paramValue(w: World, path: string, name: string): number {
  if (name === 'communityId') return w.communityId;
  const ids: [RegExp, number][] = [
    [/^\/api\/cases\//, w.caseId],
    [/^\/api\/comments\//, w.commentId],
    [/^\/api\/topics\//, w.topicId],
    [/^\/api\/deliberations\//, w.deliberationId],
    [/^\/api\/polls\//, w.pollId],
    [/^\/api\/residencies\//, w.residencyId],
    [/^\/api\/volunteers\/activities\//, w.activityId],
    [/^\/api\/volunteers\/party-check-ins\//, w.partyCheckInId],
    [/^\/api\/volunteers\/party-organizations\//, w.partyOrganizationId],
  ];
  return ids.find(([pattern]) => pattern.test(path))?.[1] ?? 1;
}

interface World {
  userId: number;
  token: string;
  communityId: number;
  householdId: number;
  residencyId: number;
  point: { lng: number; lat: number };
  photoId: string;
  caseId: number;
  topicId: number;
  deliberationId: number;
  pollId: number;
  commentId: number;
  activityId: number;
  partyCheckInId: number;
  partyOrganizationId: number;
}

interface Route {
  method: 'post' | 'put' | 'patch' | 'delete';
  template: string;
  params: string[];
  /** The request DTO's class name, when the route reads a JSON body. */
  dto: string | null;
}

function writeRoutes(document: OpenAPIObject): Route[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    (['post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const json = op.requestBody && 'content' in op.requestBody ? op.requestBody.content['application/json'] : undefined;
      const ref = json?.schema && '$ref' in json.schema ? json.schema.$ref : undefined;
      return [{ method, template, params: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]), dto: ref ? ref.split('/').pop()! : null }];
    }),
  );
}

interface DtoFacts {
  /** Properties that may be left out (IsOptional, ValidateIf). */
  optional: Set<string>;
  /** Free-text properties (declared with the text decorators). */
  text: Set<string>;
}

/** Every DTO class of the server by name, with what its rules say: which properties may be left out, which are text. */
function dtoFacts(): Map<string, DtoFacts> {
  const root = join(__dirname, '../../server/src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.dto\.ts$/.test(name) || (/[\\/]dto[\\/]/.test(path) && name.endsWith('.ts') && !name.endsWith('.spec.ts')) ? [path] : [];
    });
  const out = new Map<string, DtoFacts>();
  for (const file of files(root)) {
    for (const value of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof value !== 'function') continue;
      const facts: DtoFacts = { optional: new Set(), text: new Set() };
      for (const m of getMetadataStorage().getTargetValidationMetadatas(value, '', true, false)) {
        if (m.type === 'conditionalValidation') facts.optional.add(m.propertyName);
        if (hasTextKind(value.prototype, m.propertyName)) facts.text.add(m.propertyName);
      }
      out.set(value.name, facts);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Values that no field accepts in the given place.

const huge = 'x'.repeat(100_001);
const blank = fc.constantFrom('', '   ', '\u3000\t\n', '\u200b\u200d\ufeff', '\u0000\u0007\u001b', '\u202e\u2066\u2069');
const nanLike = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '', ' 5', '0x10', '1,5', 'null', 'undefined', '１２');
const farOut = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1e3, -(2 ** 62));
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A value of another JSON type than `valid`, or one out of every bound of its type. */
function wrongFor(valid: Json): fc.Arbitrary<Json> {
  const nested = fc.constantFrom<Json>([valid], [[valid]], { value: valid });
  if (typeof valid === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.constant(huge), nested, fc.constant({}));
  if (typeof valid === 'number') return fc.oneof(farOut, nanLike, fc.boolean(), nested, fc.constant({}));
  if (typeof valid === 'boolean') return fc.oneof(fc.integer(), fc.constantFrom('true', 'false', '1', 'yes'), nested, fc.constant({}));
  if (Array.isArray(valid)) return fc.oneof(fc.constant(valid.map((v) => [v])), fc.string(), fc.integer(), fc.constant({ 0: valid[0] ?? 1 }), fc.constant(Array.from({ length: 51 }, () => valid[0] ?? 'x')));
  return fc.oneof(fc.constant<Json>([valid]), fc.string(), fc.integer(), fc.constant<Json>({ ...valid, unexpected: 1 }));
}

/** A body that the route must refuse: its DTO's valid body broken in at least one way, plus noise. */
function invalidBody(valid: Body, optional: Set<string>): fc.Arbitrary<Json> {
  const fields = Object.keys(valid);
  const required = fields.filter((f) => !optional.has(f));
  const breakers: fc.Arbitrary<Json>[] = [
    // Top-level not an object.
    fc.oneof(fc.array(anyJson, { maxLength: 3 }), fc.string(), fc.integer(), fc.boolean(), fc.constant<Json>([valid])),
    // An unknown field, with random values on the known ones.
    fc.record({ extra: anyJson, key: fc.string({ minLength: 1, maxLength: 12 }).map((k) => `zz_${k}`) }).map(({ extra, key }) => ({ ...valid, [key]: extra })),
  ];
  if (fields.length) {
    breakers.push(fc.constantFrom(...fields).chain((f) => wrongFor(valid[f]).map((bad) => ({ ...valid, [f]: bad }))));
    const strings = fields.filter((f) => typeof valid[f] === 'string' && !optional.has(f));
    if (strings.length) breakers.push(fc.tuple(fc.constantFrom(...strings), blank).map(([f, b]) => ({ ...valid, [f]: b })));
  }
  if (required.length) {
    breakers.push(fc.constantFrom(...required).map((f) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== f))));
    breakers.push(fc.constantFrom(...required).map((f) => ({ ...valid, [f]: null })));
  }
  return fc.oneof(...breakers);
}

const badIds = fc.constantFrom('abc', '-1', '0', '1.5', '1e3', '99999999999999999999', '%00', '%20', 'NaN', '0x1F', String(2 ** 31));

describe('write routes under random and mutated input', () => {
  let t: TestApp;
  let mediaDir: string;
  let w: World;
  let routes: Route[];
  let facts: Map<string, DtoFacts>;
  let countAll: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'linli-fuzz-e2e-'));
    t = await startTestApp({ mediaDir } as Partial<AppConfig>);
    const n = await Neighbourhood.create(t);
    const ds = t.dataSource;
    // One person the guard of every route lets through: every role, in this neighbourhood's scopes.
    const user = await createUser(ds, { name: '全能测试员' });
    for (const role of ['resident', 'community_committee', 'party_branch', 'party_member'] as const) await addGrant(ds, user.id, { role, scopeId: n.org.community.id });
    await addGrant(ds, user.id, { role: 'grid_worker', scopeId: n.org.grid.id });
    await addGrant(ds, user.id, { role: 'district_admin', scopeId: n.org.district.id });
    const household = await ds.getRepository(Household).save({ communityId: n.org.community.id, gridId: n.org.grid.id, building: '1栋', unit: '1单元', room: unique('R') });
    const residency = await ds.getRepository(Residency).save(ds.getRepository(Residency).create({ userId: user.id, householdId: household.id, relation: 'owner', exclusiveArea: 90, status: 'verified' }));
    const token = await t.tokenFor(user.id);
    const me = { id: user.id, name: user.name, token };
    const point = { lng: (n.org.grid.minLng + n.org.grid.maxLng) / 2, lat: (n.org.grid.minLat + n.org.grid.maxLat) / 2 };
    const upload = async () =>
      (await t.request.post('/api/media/photos').set('Authorization', `Bearer ${token}`).attach('file', await solidJpeg(32, 32, '#336699'), { filename: 'p.jpg', contentType: 'image/jpeg' })).body.id as string;
    const reported = await t.request
      .post('/api/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({ clientKey: randomUUID(), photoIds: [await upload()], ...point, description: '路灯不亮' });
    expect(reported.status).toBe(201);
    const d = await n.deliberation(me);
    const poll = await n.poll(d.id);
    const comment = await n.post(token, `/deliberations/${d.id}/comments`, { body: '赞成' });
    const topic = await n.post(token, `/communities/${n.org.community.id}/topics`, { title: '楼道灯坏了', body: '三楼的灯不亮', scope: { kind: 'community' } });
    const activity = await n.post(token, `/communities/${n.org.community.id}/volunteer-activities`, {
      title: '周末楼道清洁',
      themeCode: 'elder_meals',
      startsAt: inHours(24),
      endsAt: inHours(26),
      placeName: '社区党群服务中心',
    });
    const org = await n.post(token, `/communities/${n.org.community.id}/party-organizations`, { name: '某局机关党委', contactName: '李四', contactPhone: '020-12345678', resources: [], needs: [] });
    const checkIn = await n.post(token, '/volunteers/party-check-ins', { communityId: n.org.community.id, partyOrganizationName: '某局机关第一党支部' });
    for (const res of [comment, topic, activity, org, checkIn]) expect(res.status).toBe(201);
    w = {
      userId: user.id,
      token,
      communityId: n.org.community.id,
      householdId: household.id,
      residencyId: residency.id,
      point,
      photoId: await upload(),
      caseId: reported.body.id,
      topicId: topic.body.id,
      deliberationId: d.id,
      pollId: poll.id,
      commentId: comment.body.id,
      activityId: activity.body.id,
      partyCheckInId: checkIn.body.id,
      partyOrganizationId: org.body.id,
    };

    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    routes = writeRoutes(document);
    facts = dtoFacts();
    const tables = ds.entityMetadatas.map((m) => m.tableName).sort();
    const q = (name: string) => ds.driver.escape(name);
    const sql = `SELECT ${tables.map((name, i) => `(SELECT COUNT(*) FROM ${q(name)}) AS c${i}`).join(', ')}`;
    countAll = async () => {
      const [row] = (await ds.query(sql)) as Record<string, number | string>[];
      return Object.fromEntries(tables.map((name, i) => [name, Number(row[`c${i}`])]));
    };
  });

  afterAll(async () => {
    await t?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const pathOf = (route: Route, bad?: { param: string; value: string }) =>
    route.template.replace(/\{(\w+)\}/g, (_, name: string) => (bad?.param === name ? bad.value : String(paramValue(w, route.template, name))));

  async function send(route: Route, path: string, body: Json | undefined) {
    let req = t.request[route.method](path).set('Authorization', `Bearer ${w.token}`);
    if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
    return req;
  }

  async function refusedWithoutChange(route: Route, path: string, body: Json | undefined): Promise<void> {
    const before = await countAll();
    const res = await send(route, path, body);
    const label = `${route.method.toUpperCase()} ${path} ${JSON.stringify(body)?.slice(0, 300)}`;
    if (res.status < 400 || res.status >= 500) throw new Error(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const after = await countAll();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length) throw new Error(`${label} → ${res.status} but changed rows of ${changed.join(', ')}`);
  }

  /** Runs one property per route and reports every route that failed (with fast-check's shrunk counterexample). */
  interface RunOptions {
    numRuns: number;
    seed: number;
    endOnFailure: boolean;
  }
  async function eachRoute(list: Route[], check: (route: Route, options: RunOptions) => Promise<void>, runs: (route: Route) => number = () => RUNS) {
    const failures: string[] = [];
    for (const route of list) {
      try {
        await check(route, { numRuns: runs(route), seed: SEED, endOnFailure: true });
      } catch (error) {
        failures.push(`${route.method.toUpperCase()} ${route.template}: ${(error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 8).join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
  }

  it('finds every write route, and a valid body for each request DTO', () => {
    expect(routes.length).toBeGreaterThan(40);
    const bodies = validBodies(w);
    expect(routes.filter((r) => r.dto && !bodies[r.dto]).map((r) => `${r.method} ${r.template} (${r.dto})`)).toEqual([]);
  });

  it('lets the fuzzing user past every body route’s guard into validation', async () => {
    const bodies = validBodies(w);
    const blocked: string[] = [];
    for (const route of routes.filter((r) => r.dto)) {
      const res = await send(route, pathOf(route), { ...bodies[route.dto!], zz_probe: 1 });
      if (res.status !== 400 || res.body.error !== 'validation_failed') blocked.push(`${route.method} ${route.template} → ${res.status}`);
    }
    expect(blocked).toEqual([]);
  });

  it('refuses random and broken bodies on every body route with 4xx and changes no row', async () => {
    const bodies = validBodies(w);
    await eachRoute(
      routes.filter((r) => r.dto),
      (route, options) => fc.assert(fc.asyncProperty(invalidBody(bodies[route.dto!], facts.get(route.dto!)?.optional ?? new Set()), (body) => refusedWithoutChange(route, pathOf(route), body)), options),
    );
  });

  it('refuses bad ids in the path of every write route with 4xx and changes no row', async () => {
    const bodies = validBodies(w);
    const withParams = routes.filter((r) => r.params.length);
    expect(withParams.length).toBeGreaterThan(30);
    await eachRoute(
      withParams,
      (route, options) =>
        fc.assert(fc.asyncProperty(fc.constantFrom(...route.params), badIds, (param, value) => refusedWithoutChange(route, pathOf(route, { param, value }), route.dto ? bodies[route.dto] : undefined)), options),
      (route) => Math.min(RUNS, route.params.length * 11),
    );
  });

  /** Routes that read nothing from the request at all: any body is ignored, and the call does what it says. */
  const TAKES_NOTHING = ['POST /api/me/notifications/read-all'];

  it('refuses random JSON on routes with neither a JSON body nor a path parameter (uploads), but those that take nothing', async () => {
    const bare = routes.filter((r) => !r.dto && !r.params.length);
    const keys = bare.map((r) => `${r.method.toUpperCase()} ${r.template}`);
    expect(keys.filter((k) => TAKES_NOTHING.includes(k))).toEqual(TAKES_NOTHING);
    await eachRoute(
      bare.filter((r) => !TAKES_NOTHING.includes(`${r.method.toUpperCase()} ${r.template}`)),
      (route, options) => fc.assert(fc.asyncProperty(anyJson, (body) => refusedWithoutChange(route, pathOf(route), body)), options),
    );
  });

  /** What no stored text may hold once cleaned: controls other than \n and \t, bidi formatting, lone surrogates. */
  const UNCLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  const text = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
    fc.array(fc.constantFrom('楼', '灯', 'a', ' ', '\u0000', '\u0007', '\u001b', '\u0085', '\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\r\n', '\t', '\ud800', '😀', '👨\u200d👩'), { minLength: 1, maxLength: 24 }).map((parts) => parts.join('')),
  );
  /** Routes whose valid call talks to WeChat, which the tests have no stand-in for here (502 is its honest answer). */
  const CALLS_WECHAT = ['POST /api/auth/wechat'];

  // Last: valid calls may succeed and write, which the row checks above must not see.
  it('never answers 5xx to otherwise valid bodies with any text in their text fields, and stores it cleaned', async () => {
    const bodies = validBodies(w);
    const textRoutes = routes.filter((r) => r.dto && !CALLS_WECHAT.includes(`${r.method.toUpperCase()} ${r.template}`) && Object.keys(bodies[r.dto]).some((f) => facts.get(r.dto!)?.text.has(f)));
    expect(textRoutes.length).toBeGreaterThan(20);
    await eachRoute(textRoutes, (route, options) => {
      const valid = bodies[route.dto!];
      const fields = Object.keys(valid).filter((f) => facts.get(route.dto!)?.text.has(f));
      return fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), text, async (field, value) => {
          const res = await send(route, pathOf(route), { ...valid, [field]: value });
          if (res.status >= 500) throw new Error(`${route.method.toUpperCase()} ${route.template} ${field}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          if (res.status < 300) {
            const unclean = strings(res.body).filter((s) => UNCLEAN.test(s));
            if (unclean.length) throw new Error(`${route.method.toUpperCase()} ${route.template} answered with unclean text ${JSON.stringify(unclean)}`);
          }
        }),
        options,
      );
    });
  });
});
