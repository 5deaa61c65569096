import { RATE_LIMIT_ERRORS } from '@linli/shared';
import { AppConfig } from '../../server/src/config/app-config';
import type { RateLimitRule } from '../../server/src/config/rate-limits';
import { Neighbourhood, type Person } from './support/neighbourhood';
import { SecondServer } from './support/second-server';
import { startTestApp, type TestApp } from './support/test-app';
import { startWechatStandIn, type WechatStandIn } from './support/wechat-stand-in';

const perMinute = (limit: number) => ({ limit, seconds: 60 });
const GENEROUS: RateLimitRule = { user: perMinute(10_000), ip: perMinute(10_000) };

/** An app with limits on and every bucket generous except those the test names. */
function startLimitedApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  return startTestApp(
    {
      rateLimitEnabled: true,
      rateLimitSignIn: GENEROUS,
      rateLimitReports: GENEROUS,
      rateLimitUploads: GENEROUS,
      rateLimitDiscussion: GENEROUS,
      rateLimitBallots: GENEROUS,
      rateLimitWechat: GENEROUS,
      ...overrides,
    },
    { seed: false },
  );
}

function expectRateLimited(res: { status: number; body: Record<string, unknown>; headers: Record<string, string> }): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    statusCode: 429,
    error: 'rate_limited',
    message: RATE_LIMIT_ERRORS.rate_limited.message,
    details: { retryAfterSeconds: expect.any(Number) },
    requestId: expect.any(String),
  });
  expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  const retryAfter = (res.body.details as { retryAfterSeconds: number }).retryAfterSeconds;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers['retry-after']).toBe(String(retryAfter));
}

const wechatConfig = (wechat: WechatStandIn) => ({ wechatApiBase: wechat.baseUrl, wechatAppId: 'wx-test-app', wechatSecret: 'test-secret', wechatTimeoutMs: 2000 });

describe('rate limits on sign-in', () => {
  let wechat: WechatStandIn;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await startLimitedApp({ rateLimitSignIn: { ip: perMinute(3) }, ...wechatConfig(wechat) });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('refuses the fourth sign-in a minute from one address with 429, Retry-After and a message a resident reads', async () => {
    for (let i = 0; i < 3; i++) expect((await t.request.post('/api/auth/dev').send({ userId: 999_999 })).status).not.toBe(429);
    expectRateLimited(await t.request.post('/api/auth/dev').send({ userId: 999_999 }));
  });

  it('counts both sign-in routes against one budget and refuses a WeChat code without asking WeChat', async () => {
    const callsBefore = wechat.calls.length;
    expectRateLimited(await t.request.post('/api/auth/wechat').send({ code: 'bad-code' }));
    expect(wechat.calls.length).toBe(callsBefore);
  });
});

describe('rate limits on WeChat sign-in codes', () => {
  let wechat: WechatStandIn;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await startLimitedApp({ rateLimitWechat: { ip: perMinute(2) }, ...wechatConfig(wechat) });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('calls WeChat for no more bad codes than the limit allows', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.request.post('/api/auth/wechat').send({ code: `bad-${i}` })).status);
    expect(statuses).toEqual([401, 401, 429, 429, 429, 429]);
    expect(wechat.calls).toHaveLength(2);
  });
});

describe('rate limits per person on reports, uploads, topics, comments, ballots and WeChat consent', () => {
  let t: TestApp;
  let n: Neighbourhood;
  let routes: [string, string][];
  beforeAll(async () => {
    const tight = { user: perMinute(2), ip: perMinute(10_000) };
    t = await startLimitedApp({
      rateLimitReports: tight,
      rateLimitUploads: tight,
      rateLimitDiscussion: tight,
      rateLimitBallots: tight,
      rateLimitWechat: tight,
    });
    n = await Neighbourhood.create(t);
    const proposer = await n.resident();
    const deliberation = await n.deliberation(proposer);
    const comment = await n.post(proposer.token, `/deliberations/${deliberation.id}/comments`, { body: '支持在东门装。' });
    expect(comment.status).toBe(201);
    const poll = await n.poll(deliberation.id);
    routes = [
      ['a report', '/cases'],
      ['a photo upload', '/media/photos'],
      ['a topic', `/communities/${n.org.community.id}/topics`],
      ['a comment', `/deliberations/${deliberation.id}/comments`],
      ['a report of a comment', `/comments/${comment.body.id}/report`],
      ['a ballot', `/polls/${poll.id}/ballots`],
      ['a WeChat consent', '/me/wechat-subscriptions'],
    ];
  });
  afterAll(async () => t?.close());

  it('refuses a person the third request a minute on each route while a neighbour is still let through', async () => {
    for (const [label, path] of routes) {
      // Fresh people a route: the buckets differ, but a person's budget is per bucket, not per route.
      const [busy, neighbour] = [await n.resident(), await n.resident()];
      // Empty bodies: the limit is checked before the body, so these count like real attempts.
      const first = await n.post(busy.token, path);
      const second = await n.post(busy.token, path);
      expect([label, first.status, second.status]).not.toContain(429);
      const third = await n.post(busy.token, path);
      expect([label, third.status]).toEqual([label, 429]);
      expectRateLimited(third);
      expect([label, (await n.post(neighbour.token, path)).status]).not.toEqual([label, 429]);
    }
  });

  it('counts every route of a bucket against one budget: topics and comments are both discussion', async () => {
    const busy = await n.resident();
    const [, , , commentsPath] = routes.map(([, path]) => path);
    const topicsPath = routes[2][1];
    expect((await n.post(busy.token, topicsPath)).status).not.toBe(429);
    expect((await n.post(busy.token, commentsPath)).status).not.toBe(429);
    expectRateLimited(await n.post(busy.token, topicsPath));
  });

  it('leaves reads, health and routes without a bucket alone', async () => {
    const busy = await n.resident();
    for (let i = 0; i < 5; i++) {
      expect((await t.request.get('/api/health')).status).toBe(200);
      expect((await n.get(busy.token, '/cases/mine')).status).toBe(200);
      expect((await n.get(busy.token, '/me')).status).toBe(200);
    }
  });
});

describe('rate limits per client address', () => {
  let t: TestApp;
  let n: Neighbourhood;
  let pollId: number;
  let voters: Person[];
  beforeAll(async () => {
    t = await startLimitedApp({ rateLimitBallots: { user: perMinute(10_000), ip: perMinute(3) } });
    n = await Neighbourhood.create(t);
    // The roll is fixed when the vote is set up: residents first.
    voters = [];
    for (let i = 0; i < 4; i++) voters.push(await n.resident());
    pollId = (await n.poll((await n.deliberation(await n.resident())).id)).id;
  });
  afterAll(async () => t?.close());

  it('counts everyone behind one address together, whatever X-Forwarded-For claims when no proxy is trusted', async () => {
    const statuses: number[] = [];
    for (const [i, voter] of voters.entries()) {
      const res = await n.post(voter.token, `/polls/${pollId}/ballots`, { choice: ['east'] }).set('X-Forwarded-For', `203.0.113.${i + 1}`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe('rate limits behind a trusted reverse proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  let n: Neighbourhood;
  let pollId: number;
  let voters: Person[];
  beforeAll(async () => {
    t = await startLimitedApp({ trustProxy: ['loopback'], rateLimitBallots: { user: perMinute(10_000), ip: perMinute(2) } });
    n = await Neighbourhood.create(t);
    voters = [];
    for (let i = 0; i < 7; i++) voters.push(await n.resident());
    pollId = (await n.poll((await n.deliberation(await n.resident())).id)).id;
  });
  afterAll(async () => t?.close());

  it('counts each client the proxy names in X-Forwarded-For apart', async () => {
    const statuses: number[] = [];
    for (const [i, voter] of voters.slice(0, 4).entries()) {
      statuses.push((await n.post(voter.token, `/polls/${pollId}/ballots`, { choice: ['east'] }).set('X-Forwarded-For', `203.0.113.${i + 1}`)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
  });

  it('still counts one client the proxy names again and again', async () => {
    const statuses: number[] = [];
    for (const voter of voters.slice(4)) {
      statuses.push((await n.post(voter.token, `/polls/${pollId}/ballots`, { choice: ['west'] }).set('X-Forwarded-For', '198.51.100.7')).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('ballots from a whole building behind one address', () => {
  let t: TestApp;
  let n: Neighbourhood;
  beforeAll(async () => {
    // The shipped ballot rule: tight per person, generous per address.
    t = await startTestApp({ rateLimitEnabled: true, rateLimitSignIn: GENEROUS }, { seed: false });
    n = await Neighbourhood.create(t);
  });
  afterAll(async () => t?.close());

  it("accepts every neighbour's ballot while one person retrying too often is refused", async () => {
    const building: Person[] = [];
    for (let i = 0; i < 30; i++) building.push(await n.resident({ building: '3栋' }));
    const impatient = await n.resident();
    const poll = await n.poll((await n.deliberation(await n.resident())).id);
    const statuses: number[] = [];
    for (const voter of building) statuses.push((await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status);
    expect(statuses).toEqual(Array(30).fill(201));

    const { limit } = t.app.get(AppConfig).rateLimitBallots.user ?? { limit: 0 };
    for (let i = 0; i < limit; i++) expect((await n.post(impatient.token, `/polls/${poll.id}/ballots`, {})).status).not.toBe(429);
    expectRateLimited(await n.post(impatient.token, `/polls/${poll.id}/ballots`, {}));
  });
});

describe('rate limits switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimitEnabled: false, rateLimitSignIn: { ip: perMinute(1) } }, { seed: false });
  });
  afterAll(async () => t?.close());

  it('lets every request through', async () => {
    for (let i = 0; i < 5; i++) expect((await t.request.post('/api/auth/dev').send({ userId: 999_999 })).status).not.toBe(429);
  });
});

describe('rate limits while Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startLimitedApp({ redisUrl: 'redis://127.0.0.1:1', rateLimitSignIn: { ip: perMinute(1) } });
  });
  afterAll(async () => t?.close());

  it('lets requests through uncounted instead of holding or failing them', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.request.post('/api/auth/dev').send({ userId: 999_999 });
      expect(res.status).toBe(404);
    }
  });
});

// Needs a real Redis: runs where REDIS_URL names one (npm run test:mariadb, CI), not on a bare machine.
const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('rate limits shared by two server processes on one Redis', () => {
  let wechat: WechatStandIn;
  let t: TestApp;
  let second: SecondServer;
  let secondBase: string;
  beforeAll(async () => {
    wechat = await startWechatStandIn();
    const shared = {
      redisUrl,
      rateLimitEnabled: true,
      rateLimitPrefix: `linli-test:shared-${process.pid}-${Date.now()}:`,
      rateLimitSignIn: { ip: perMinute(4) },
      ...wechatConfig(wechat),
    };
    t = await startTestApp(shared, { seed: false });
    second = await SecondServer.start(
      { ...shared, databaseUrl: 'sqlite::memory:' },
      `async (app) => ({
        listen: async () => { await app.listen(0, '127.0.0.1'); return app.getHttpServer().address().port; },
      })`,
    );
    secondBase = `http://127.0.0.1:${await second.ask<number>('listen')}`;
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await t?.close();
    await wechat?.close();
  });

  it('counts sign-ins split across both processes against one budget', async () => {
    const viaSecond = async (code: string) => {
      const res = await fetch(`${secondBase}/api/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    };
    const viaFirst = async (code: string) => (await t.request.post('/api/auth/wechat').send({ code })).status;

    const statuses = [await viaFirst('a'), (await viaSecond('b')).status, await viaFirst('c'), (await viaSecond('d')).status];
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect(await viaFirst('e')).toBe(429);
    const refused = await viaSecond('f');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(wechat.calls).toHaveLength(4);
  });
});
