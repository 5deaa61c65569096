import type { LoginResponse } from '@linli/shared';
import { User } from '../../server/src/users/user.entity';
import { startTestApp, TestApp } from './support/test-app';
import { startWechatStandIn, WechatStandIn } from './support/wechat-stand-in';

describe('POST /api/auth/wechat', () => {
  let wechat: WechatStandIn;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await startTestApp(
      { wechatApiBase: wechat.baseUrl, wechatAppId: 'wx-test-app', wechatSecret: 'test-secret', wechatTimeoutMs: 300 },
      { seed: false },
    );
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('creates an account for a first-time WeChat user and signs them in', async () => {
    wechat.script('code-new', { kind: 'success', openid: 'openid-new-1' });
    const res = await t.request.post('/api/auth/wechat').send({ code: 'code-new' }).expect(200);
    const body = res.body as LoginResponse;
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.expiresIn).toBe(7200);
    expect(body.user.name).toBe('微信用户');
    expect(body.user.residencies).toEqual([]);
    expect(body.user.community).toBeNull();
    expect(JSON.stringify(body)).not.toContain('session_key');
    expect(JSON.stringify(body)).not.toContain('stand-in-session-key');

    const call = wechat.calls[wechat.calls.length - 1];
    expect(call.get('appid')).toBe('wx-test-app');
    expect(call.get('secret')).toBe('test-secret');
    expect(call.get('js_code')).toBe('code-new');
    expect(call.get('grant_type')).toBe('authorization_code');

    const me = await t.request.get('/api/me').set('authorization', `Bearer ${body.accessToken}`).expect(200);
    expect(me.body.id).toBe(body.user.id);
  });

  it('signs a returning user into the same account', async () => {
    wechat.script('code-a', { kind: 'success', openid: 'openid-returning' });
    wechat.script('code-b', { kind: 'success', openid: 'openid-returning', unionid: 'union-1' });
    const first = await t.request.post('/api/auth/wechat').send({ code: 'code-a' }).expect(200);
    await t.dataSource.getRepository(User).update({ id: first.body.user.id }, { name: '陈阿姨' });
    const second = await t.request.post('/api/auth/wechat').send({ code: 'code-b' }).expect(200);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.user.name).toBe('陈阿姨');
    expect(await t.dataSource.getRepository(User).countBy({ openid: 'openid-returning' })).toBe(1);
  });

  it.each([
    [40029, 'invalid code'],
    [40163, 'code been used'],
  ])('answers 401 when WeChat rejects the code (errcode %i)', async (errcode, errmsg) => {
    wechat.script(`bad-${errcode}`, { kind: 'error', errcode, errmsg });
    const res = await t.request.post('/api/auth/wechat').send({ code: `bad-${errcode}` }).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'unauthenticated' });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['rate limited (45011)', { kind: 'error', errcode: 45011, errmsg: 'api minute-quota reach limit' } as const],
    ['busy (-1)', { kind: 'error', errcode: -1, errmsg: 'system error' } as const],
    ['a non-JSON reply', { kind: 'garbage' } as const],
    ['a reply slower than the timeout', { kind: 'slow', delayMs: 2000, openid: 'openid-too-late' } as const],
  ])('answers 502 when WeChat is %s', async (_label, script) => {
    const code = `upstream-${Math.random()}`;
    wechat.script(code, script);
    const res = await t.request.post('/api/auth/wechat').send({ code }).expect(502);
    expect(res.body).toMatchObject({ statusCode: 502, error: 'upstream_failed' });
  });

  it('answers 502 when WeChat cannot be reached at all', async () => {
    const offline = await startTestApp({ wechatApiBase: 'http://127.0.0.1:1', wechatTimeoutMs: 300 }, { seed: false });
    try {
      const res = await offline.request.post('/api/auth/wechat').send({ code: 'anything' }).expect(502);
      expect(res.body.error).toBe('upstream_failed');
    } finally {
      await offline.close();
    }
  });

  it('refuses a request without a code before calling WeChat', async () => {
    const before = wechat.calls.length;
    const res = await t.request.post('/api/auth/wechat').send({}).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('code');
    expect(wechat.calls.length).toBe(before);
  });
});
