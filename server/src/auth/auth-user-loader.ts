import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';

/**
 * Who a verified token belongs to, as stored now: the HTTP guard and the socket handshake both read it
 * here, so a revoked role stops working on both at once.
 */
@Injectable()
export class AuthUserLoader {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleGrant) private readonly grants: Repository<RoleGrant>,
  ) {}

  /** The user with their stored grants, or null when the account no longer exists. */
  async load(userId: number): Promise<AuthUser | null> {
    if (!(await this.users.exist({ where: { id: userId } }))) return null;
    const grants = await this.grants.find({ where: { userId }, order: { id: 'ASC' } });
    return { id: userId, grants: grants.map(({ role, scopeKind, scopeId }) => ({ role, scopeKind, scopeId })) };
  }
}
