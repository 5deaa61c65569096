import { Injectable } from '@nestjs/common';
import { ApiException } from '../common/api-exception';
import { TokenService } from '../auth/token.service';
import { AuthUserLoader } from '../auth/auth-user-loader';
import type { LiveSocketData } from './live-user';

/** A handshake that carried a token the HTTP API would also refuse. */
export class LiveAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveAuthError';
  }
}

/**
 * The socket counterpart of the HTTP authentication guard: the same token check (TokenService) and the
 * same reading of the user's grants, done once per connection. No token means an anonymous visitor;
 * a token that is present but bad is refused rather than downgraded.
 */
@Injectable()
export class LiveSocketAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly authUsers: AuthUserLoader,
  ) {}

  async authenticate(token: unknown): Promise<LiveSocketData> {
    if (token === undefined || token === null || token === '') return { user: null, expiresAt: null };
    if (typeof token !== 'string') throw new LiveAuthError('登录凭证无效，请重新登录');
    const jwt = token.replace(/^Bearer\s+/i, '');
    let userId: number;
    try {
      userId = this.tokens.verify(jwt);
    } catch (error) {
      throw new LiveAuthError(error instanceof ApiException ? error.message : '登录凭证无效，请重新登录');
    }
    const user = await this.authUsers.load(userId);
    if (!user) throw new LiveAuthError('账号不存在，请重新登录');
    return { user, expiresAt: expiryOf(jwt) };
  }
}

/** The `exp` claim of a token already verified above, in epoch ms. */
function expiryOf(jwt: string): number | null {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
