import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import type { AuthedRequest } from './auth-user';
import { TokenService } from './token.service';

/**
 * Global guard #1: who is calling. No token → visitor (user null). A token that is present but bad
 * or expired is a 401, never a silent downgrade to visitor. Grants are read from the database on
 * every request so a revoked role stops working at once.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    req.user = null;
    const header = req.headers.authorization;
    if (!header) return true;
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiException(401, 'unauthenticated', '登录凭证无效，请重新登录');
    }
    const userId = this.tokens.verify(token);
    if (!(await this.users.exist({ where: { id: userId } }))) {
      throw new ApiException(401, 'unauthenticated', '账号不存在，请重新登录');
    }
    const grants = await this.grants.find({ where: { userId }, order: { id: 'ASC' } });
    req.user = { id: userId, grants: grants.map(({ role, scopeKind, scopeId }) => ({ role, scopeKind, scopeId })) };
    return true;
  }
}
