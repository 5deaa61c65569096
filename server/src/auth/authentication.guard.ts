import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiException } from '../common/api-exception';
import type { AuthedRequest } from './auth-user';
import { AuthUserLoader } from './auth-user-loader';
import { TokenService } from './token.service';

/**
 * Global guard #1: who is calling. No token → visitor (user null). A token that is present but bad
 * or expired is a 401, never a silent downgrade to visitor. The token is verified and the grants are read
 * from the database on every request (no cache; requests arriving together share one read, see
 * AuthUserLoader), so a revoked role stops working at once.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly authUsers: AuthUserLoader,
  ) {}

  /** Synchronous when no token is sent (visitors, health probes): no promise for nothing to wait on. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    req.user = null;
    const header = req.headers.authorization;
    if (!header) return true;
    return this.authenticate(req, header);
  }

  private async authenticate(req: AuthedRequest, header: string): Promise<boolean> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiException(401, 'unauthenticated', '登录凭证无效，请重新登录');
    }
    const userId = this.tokens.verify(token);
    const user = await this.authUsers.load(userId);
    if (!user) throw new ApiException(401, 'unauthenticated', '账号不存在，请重新登录');
    req.user = user;
    return true;
  }
}
