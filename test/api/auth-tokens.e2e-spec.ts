import { JwtService } from '@nestjs/jwt';
import { DEV_JWT_SECRET } from '../../server/src/config/load-config';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('access tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(async () => t?.close());

  it('refuses an expired token with 401 instead of treating the caller as a visitor', async () => {
    const user = await createUser(t.dataSource);
    const expired = new JwtService({ secret: DEV_JWT_SECRET }).sign({ sub: String(user.id), exp: Math.floor(Date.now() / 1000) - 60 });
    const res = await t.request.get('/api/health').set('authorization', `Bearer ${expired}`).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'unauthenticated', message: '登录已过期，请重新登录' });
  });

  it('refuses a token signed with another secret', async () => {
    const user = await createUser(t.dataSource);
    const forged = new JwtService({ secret: 'someone-elses-secret-entirely' }).sign({ sub: String(user.id) });
    await t.request.get('/api/me').set('authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses a token whose payload was altered', async () => {
    const user = await createUser(t.dataSource);
    const other = await createUser(t.dataSource);
    const token = await t.tokenFor(user.id);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: String(other.id), exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    const res = await t.request.get('/api/me').set('authorization', `Bearer ${header}.${payload}.${signature}`).expect(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  it('refuses a malformed authorization header', async () => {
    await t.request.get('/api/me').set('authorization', 'Basic dXNlcjpwYXNz').expect(401);
    await t.request.get('/api/me').set('authorization', 'Bearer not.a.jwt').expect(401);
  });

  it('refuses the token of an account that no longer exists', async () => {
    const token = new JwtService({ secret: DEV_JWT_SECRET }).sign({ sub: '987654' });
    await t.request.get('/api/me').set('authorization', `Bearer ${token}`).expect(401);
  });
});

describe('development sign-in', () => {
  it('does not exist when dev login is off', async () => {
    const t = await startTestApp({ devLogin: false }, { seed: false });
    try {
      const user = await createUser(t.dataSource);
      const login = await t.request.post('/api/auth/dev').send({ userId: user.id }).expect(404);
      expect(login.body).toMatchObject({ statusCode: 404, error: 'not_found' });
      await t.request.get('/api/auth/dev-users').expect(404);
    } finally {
      await t.close();
    }
  });

  it('signs in as an existing user and answers 404 for an unknown one', async () => {
    const t = await startTestApp({}, { seed: false });
    try {
      const user = await createUser(t.dataSource, { name: '李伯' });
      const res = await t.request.post('/api/auth/dev').send({ userId: user.id }).expect(200);
      expect(res.body.user).toMatchObject({ id: user.id, name: '李伯' });
      await t.request.post('/api/auth/dev').send({ userId: 999999 }).expect(404);
    } finally {
      await t.close();
    }
  });
});
