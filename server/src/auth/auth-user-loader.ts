import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, RoleGrant as GrantView, ScopeKind } from '@linli/shared';
import { DataSource } from 'typeorm';
import { CoalescedReads } from '../common/coalesced-reads';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';

interface UserGrantRow {
  user_id: number | string;
  role: Role | null;
  scope_kind: ScopeKind | null;
  scope_id: number | string | null;
}

/**
 * Who a verified token belongs to, as stored now: the HTTP guard and the socket handshake both read it
 * here, so a revoked role stops working on both at once. There is no cache: every request's user and
 * grants come from a read that started after the request arrived. Requests arriving together share that
 * read (one query for the account and its grants, for all of them), which keeps authentication from
 * costing several round trips per request under load.
 */
@Injectable()
export class AuthUserLoader {
  private readonly reads = new CoalescedReads<number, AuthUser>((ids) => this.fetch(ids));

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user with their stored grants, or null when the account no longer exists. */
  async load(userId: number): Promise<AuthUser | null> {
    return (await this.reads.load(userId)) ?? null;
  }

  private async fetch(userIds: number[]): Promise<Map<number, AuthUser>> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['u.id AS user_id', 'g.role AS role', 'g.scope_kind AS scope_kind', 'g.scope_id AS scope_id'])
      .from(User, 'u')
      .leftJoin(RoleGrant, 'g', 'g.user_id = u.id')
      .where('u.id IN (:...userIds)', { userIds })
      .orderBy('u.id', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .getRawMany<UserGrantRow>();
    const users = new Map<number, AuthUser>();
    for (const row of rows) {
      const id = Number(row.user_id);
      let user = users.get(id);
      if (!user) users.set(id, (user = { id, grants: [] }));
      if (row.role === null || row.scope_kind === null) continue;
      const grant: GrantView = { role: row.role, scopeKind: row.scope_kind, scopeId: row.scope_id === null ? null : Number(row.scope_id) };
      user.grants.push(grant);
    }
    return users;
  }
}
