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

  it('serves the OpenAPI document', async () => {
    const res = await t.request.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/wechat', '/api/me', '/api/me/residencies']));
  });
});
