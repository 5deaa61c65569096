import type { LoginResponse, MeResponse } from '@linli/shared';
import { ApiClient, type HttpRequest, type HttpResponse } from './api-client';
import { ApiError } from './api-error';
import { memoryStorage } from './memory-storage';
import { SessionStore } from './session';

const me: MeResponse = {
  id: 12,
  name: '陈小明',
  phoneMasked: '139****1234',
  grants: [{ role: 'resident', scopeKind: 'community', scopeId: 4, scopeLabel: '洪桥街道 · 小北社区' }],
  residencies: [],
  community: { id: 4, name: '小北社区', streetName: '洪桥街道' },
};

/** A scripted server: answers by "METHOD path" and records what it was sent. */
function scriptedServer(routes: Record<string, HttpResponse>) {
  const sent: HttpRequest[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    sent.push(request);
    const path = request.url.replace(/^https?:\/\/[^/]+/, '');
    const answer = routes[`${request.method} ${path}`];
    if (!answer) throw new Error(`unreachable ${request.method} ${path}`);
    return answer;
  };
  return { sent, transport };
}

function clientFor(routes: Record<string, HttpResponse>, baseUrl = '') {
  const server = scriptedServer(routes);
  const session = new SessionStore(memoryStorage(), () => 0);
  return { client: new ApiClient({ baseUrl, transport: server.transport, session }), session, sent: server.sent };
}

describe('ApiClient', () => {
  it('stores the session from a dev sign-in and sends its token as a bearer header afterwards', async () => {
    const login: LoginResponse = { accessToken: 'jwt-abc', expiresIn: 3600, user: me };
    const { client, session, sent } = clientFor({
      'POST /api/auth/dev': { statusCode: 201, data: login },
      'GET /api/me': { statusCode: 200, data: { ...me, name: '陈大明' } },
    });
    await client.signInAsDevUser(12);
    expect(sent[0].data).toEqual({ userId: 12 });
    expect(sent[0].headers.Authorization).toBeUndefined();
    expect(session.user()?.name).toBe('陈小明');

    await client.me();
    expect(sent[1].headers.Authorization).toBe('Bearer jwt-abc');
    expect(session.user()?.name).toBe('陈大明');
  });

  it('sends a per-request header such as Idempotency-Key alongside the usual ones', async () => {
    const { client, sent } = clientFor({ 'POST /api/volunteers/activities/7/signups': { statusCode: 201, data: { status: 'confirmed' } } });
    await client.request('POST', '/api/volunteers/activities/7/signups', undefined, { 'Idempotency-Key': 'k-1' });
    expect(sent[0].headers['Idempotency-Key']).toBe('k-1');
    expect(sent[0].headers.Accept).toBe('application/json');
  });

  it("throws the server's error with its Chinese message and machine code", async () => {
    const { client } = clientFor({
      'POST /api/me/residencies': {
        statusCode: 400,
        data: { statusCode: 400, error: 'validation_failed', message: '房号不能为空', details: [{ field: 'room' }] },
      },
    });
    const failure = client.applyForResidency({ communityId: 4, building: '1栋', unit: '', room: '', relation: 'tenant', realName: '陈' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ statusCode: 400, error: 'validation_failed', message: '房号不能为空' });
  });

  it('clears the session when the server rejects the token', async () => {
    const { client, session } = clientFor({
      'GET /api/me': { statusCode: 401, data: { statusCode: 401, error: 'unauthenticated', message: '请先登录' } },
    });
    session.signIn('stale', me, 3600);
    await expect(client.me()).rejects.toMatchObject({ statusCode: 401, message: '请先登录' });
    expect(session.get()).toBeNull();
  });

  it('reports dev sign-in as switched off when the server answers 404', async () => {
    const { client } = clientFor({
      'GET /api/auth/dev-users': { statusCode: 404, data: { statusCode: 404, error: 'not_found', message: '未开放' } },
    });
    await expect(client.devUsers()).resolves.toBeNull();
  });

  it('gives a readable Chinese message when the response is not the error shape or never arrives', async () => {
    const { client } = clientFor({ 'GET /api/health': { statusCode: 502, data: '<html>Bad Gateway</html>' } });
    await expect(client.health()).rejects.toMatchObject({ statusCode: 502, message: '服务暂时不可用，请稍后再试' });
    await expect(client.district()).rejects.toMatchObject({ statusCode: 0, error: 'network_error' });
  });

  it('prefixes an absolute base and encodes query parameters', async () => {
    const { client, sent } = clientFor(
      {
        'GET /api/org/communities?streetId=3': { statusCode: 200, data: [] },
        'GET /api/communities/4/residencies?status=pending': { statusCode: 200, data: [] },
      },
      'http://127.0.0.1:3000/',
    );
    await client.communities(3);
    await client.residencies(4);
    expect(sent.map((r) => r.url)).toEqual([
      'http://127.0.0.1:3000/api/org/communities?streetId=3',
      'http://127.0.0.1:3000/api/communities/4/residencies?status=pending',
    ]);
  });
});
