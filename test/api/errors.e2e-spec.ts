import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('the one error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ bodyLimit: '2kb' }, { seed: false });
  });
  afterAll(async () => t?.close());

  it('answers an unknown route with 404 in the common shape, request id included', async () => {
    const res = await t.request.get('/api/no-such-thing').set('x-request-id', 'trace-404').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'not_found', message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: 'trace-404' });
  });

  it('lists an unknown field in details and refuses the request with 400', async () => {
    const user = await createUser(t.dataSource);
    const res = await t.request.post('/api/auth/dev').send({ userId: user.id, isAdmin: true }).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'isAdmin', constraints: ['whitelistValidation'] })]);
    expect(res.body.message).toContain('isAdmin');
  });

  it('lists every badly typed field', async () => {
    const res = await t.request.post('/api/auth/dev').send({ userId: 'seven' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['userId']);
  });

  it('answers 413 to a JSON body over the limit', async () => {
    const res = await t.request
      .post('/api/auth/wechat')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ code: 'x'.repeat(4096) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'payload_too_large' });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('answers 400 to malformed JSON without echoing parser internals', async () => {
    const res = await t.request.post('/api/auth/wechat').set('content-type', 'application/json').send('{"code": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
    expect(JSON.stringify(res.body)).not.toMatch(/SyntaxError|at JSON/);
  });

  it('reads an empty body sent as JSON as an empty object, so validation names the missing fields', async () => {
    const res = await t.request.post('/api/auth/dev').set('content-type', 'application/json').send('').expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['userId']);
  });

  it('answers 415 in the common shape to a body of a type the API does not read', async () => {
    const res = await t.request.post('/api/auth/dev').set('content-type', 'application/xml').send('<userId>1</userId>').expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.request.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/wechat', '/api/me', '/api/me/residencies']));
  });
});

describe('the H5 build beside the API', () => {
  let t: TestApp;
  let h5Dir: string;
  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>邻里</title>');
    writeFileSync(join(h5Dir, 'app.js'), 'console.log(1)');
    t = await startTestApp({ h5Dir }, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves the page at / and its files by name', async () => {
    const page = await t.request.get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('邻里');
    await t.request.get('/app.js').expect(200).expect('content-type', /javascript/);
  });

  it('still answers unknown API routes and missing files with the JSON 404', async () => {
    for (const path of ['/api/no-such-thing', '/no-such-file.js']) {
      const res = await t.request.get(path).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found', requestId: expect.any(String) });
    }
    await t.request.get('/api/health').expect(200);
  });
});
