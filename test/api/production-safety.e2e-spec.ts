import { LIVE_PATH } from '@linli/shared';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const BUNDLE = 'js/app.0123abcd.js';

/** A stand-in for the H5 build: index.html with Taro's inline script, a content-hashed bundle, a favicon. */
function fakeH5Build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
  mkdirSync(join(dir, 'js'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><title>邻里</title><script>${INLINE_SCRIPT}</script><script defer="defer" src="/${BUNDLE}"></script></head><body><div id="app"></div></body></html>`,
  );
  writeFileSync(join(dir, BUNDLE), `console.log(${JSON.stringify('邻里'.repeat(2000))});`);
  writeFileSync(join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 1, 0]));
  writeFileSync(join(dir, '..', 'outside-the-build.txt'), 'secret');
  return dir;
}

function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
}

describe('security headers, H5 delivery and static paths', () => {
  let h5Dir: string;
  let t: TestApp;
  beforeAll(async () => {
    h5Dir = fakeH5Build();
    t = await startTestApp({ h5Dir }, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(h5Dir, { recursive: true, force: true });
    rmSync(join(h5Dir, '..', 'outside-the-build.txt'), { force: true });
  });

  it('sends the security headers with API answers', async () => {
    expectSecurityHeaders((await t.request.get('/api/health').expect(200)).headers);
    expectSecurityHeaders((await t.request.get('/api/no-such-thing').expect(404)).headers);
  });

  it("sends them with the H5 page, allowing its inline script by hash and no other inline script", async () => {
    const res = await t.request.get('/').expect(200);
    expectSecurityHeaders(res.headers);
    const scriptSrc = /script-src ([^;]*)/.exec(res.headers['content-security-policy'])?.[1] ?? '';
    const hash = createHash('sha256').update(INLINE_SCRIPT, 'utf8').digest('base64');
    expect(scriptSrc.split(' ')).toEqual(["'self'", `'sha256-${hash}'`]);
  });

  it('caches content-hashed bundles for a year and has the page revalidated on every load', async () => {
    expect((await t.request.get(`/${BUNDLE}`).expect(200)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.request.get('/').expect(200)).headers['cache-control']).toBe('no-cache');
    expect((await t.request.get('/index.html').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('serves a favicon', async () => {
    const res = await t.request.get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toMatch(/icon/);
  });

  it('compresses bundles and large JSON, and leaves small answers as they are', async () => {
    const bundle = await t.request.get(`/${BUNDLE}`).set('Accept-Encoding', 'gzip').expect(200);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    const docs = await t.request.get('/api/docs-json').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(docs.headers['content-encoding']).toBe('br');
    const health = await t.request.get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it.each([
    '/%2e%2e/outside-the-build.txt',
    '/%2E%2E/outside-the-build.txt',
    '/js/%2e%2e/%2e%2e/outside-the-build.txt',
    '/..%2foutside-the-build.txt',
    '/%2e%2e%2foutside-the-build.txt',
    '/..%5coutside-the-build.txt',
    '/.%2e/outside-the-build.txt',
    '/%2e%2e',
    '/%252e%252e/outside-the-build.txt',
    '/%00',
    '/index.html%00.js',
  ])('answers %s with the JSON 404, never a server error', async (path) => {
    const res = await t.request.get(path);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(res.text).not.toContain('secret');
  });

  it.each(['/%E0%A4%A', '/api/cases/%E0%A4%A'])('answers %s, which does not decode, with 400 in the one error shape', async (path) => {
    const res = await t.request.get(path).expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'bad_request', message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: expect.any(String) });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a missing file with the JSON 404', async () => {
    const res = await t.request.get('/js/missing.0123abcd.js').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });
});

describe('CORS', () => {
  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ corsOrigins: ['https://linli.example.cn'] }, { seed: false });
    });
    afterAll(async () => t?.close());

    it('allows a listed origin', async () => {
      const res = await t.request.get('/api/health').set('Origin', 'https://linli.example.cn').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://linli.example.cn');
      const preflight = await t.request
        .options('/api/cases')
        .set('Origin', 'https://linli.example.cn')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://linli.example.cn');
    });

    it.each(['null', 'https://evil.example', 'https://linli.example.cn.evil.example', 'http://linli.example.cn'])('gives %s no CORS headers', async (origin) => {
      const res = await t.request.get('/api/health').set('Origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.request.options('/api/cases').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const polling = await t.request.get(`${LIVE_PATH}/?EIO=4&transport=polling`).set('Origin', origin).expect(200);
      expect(polling.headers['access-control-allow-origin']).toBeUndefined();
    });

    it("applies the same rule to the live socket's long-polling transport", async () => {
      const res = await t.request.get(`${LIVE_PATH}/?EIO=4&transport=polling`).set('Origin', 'https://linli.example.cn').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://linli.example.cn');
    });
  });

  describe('without CORS_ORIGINS', () => {
    let t: TestApp;
    afterEach(async () => t?.close());

    it('answers other origins with no CORS headers outside development', async () => {
      t = await startTestApp({}, { seed: false });
      for (const origin of ['null', 'https://evil.example', 'http://localhost:10086']) {
        const res = await t.request.get('/api/health').set('Origin', origin).expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('allows local development servers in development, and still not null', async () => {
      t = await startTestApp({ nodeEnv: 'development' }, { seed: false });
      const local = await t.request.get('/api/health').set('Origin', 'http://localhost:10086').expect(200);
      expect(local.headers['access-control-allow-origin']).toBe('http://localhost:10086');
      for (const origin of ['null', 'https://evil.example', 'http://localhost.evil.example']) {
        const res = await t.request.get('/api/health').set('Origin', origin).expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });
});

describe('API docs', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('are not served when switched off (the production default)', async () => {
    t = await startTestApp({ apiDocs: false }, { seed: false });
    await t.request.get('/api/docs').expect(404);
    await t.request.get('/api/docs-json').expect(404);
  });

  it('are served when switched on', async () => {
    t = await startTestApp({ apiDocs: true }, { seed: false });
    const res = await t.request.get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/html/);
    await t.request.get('/api/docs-json').expect(200);
  });
});

describe('development sign-in in production', () => {
  const production = { nodeEnv: 'production' as const, jwtSecret: 'a-long-enough-production-secret', devLogin: true };

  it('keeps the server from starting', async () => {
    await expect(startTestApp(production, { seed: false })).rejects.toThrow(/development sign-in[\s\S]*ALLOW_DEV_LOGIN_IN_PRODUCTION=true/);
  });

  it('starts, with dev sign-in working, when the override says so', async () => {
    const t = await startTestApp({ ...production, allowDevLoginInProduction: true }, { seed: false });
    try {
      const user = await createUser(t.dataSource, { name: '演示用户' });
      expect((await t.request.post('/api/auth/dev').send({ userId: user.id })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
