import { JwtService } from '@nestjs/jwt';
import { ApiException } from '../common/api-exception';
import type { AppConfig } from '../config/app-config';
import { TokenService } from './token.service';

const SECRET = 'token-service-spec-secret';

function tokens(expiresIn = 600) {
  const jwt = new JwtService({ secret: SECRET });
  return { jwt, service: new TokenService(jwt, { jwtExpiresIn: expiresIn } as AppConfig) };
}

function statusOf(work: () => unknown): number | 'passed' {
  try {
    work();
    return 'passed';
  } catch (error) {
    return error instanceof ApiException ? error.getStatus() : -1;
  }
}

describe('TokenService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the user id of a token it issued, again and again', () => {
    const { service } = tokens();
    const { accessToken } = service.issue(42);
    expect(service.verify(accessToken)).toBe(42);
    expect(service.verify(accessToken)).toBe(42);
  });

  it('checks the signature once per token: later uses skip it', () => {
    const { jwt, service } = tokens();
    const { accessToken } = service.issue(7);
    const check = jest.spyOn(jwt, 'verify');
    for (let i = 0; i < 5; i++) service.verify(accessToken);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('refuses a token that expired after it was last checked', () => {
    const { service } = tokens(60);
    const { accessToken } = service.issue(7);
    expect(service.verify(accessToken)).toBe(7);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(statusOf(() => service.verify(accessToken))).toBe(401);
  });

  it('never accepts a token whose payload was altered, even after the original was checked', () => {
    const { jwt, service } = tokens();
    const { accessToken } = service.issue(7);
    service.verify(accessToken);
    const [header, , signature] = accessToken.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: '8', exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect(statusOf(() => service.verify(forged))).toBe(401);
    expect(statusOf(() => service.verify(new JwtService({ secret: 'another' }).sign({ sub: '7' }, { expiresIn: 60 })))).toBe(401);
    expect(jwt.verify(accessToken)).toMatchObject({ sub: '7' });
  });
});
