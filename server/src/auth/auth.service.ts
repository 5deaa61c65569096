import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DevUserOption, LoginResponse, Role, ROLES } from '@linli/shared';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { isUniqueViolation } from '../common/error-mapping';
import { MeService } from '../users/me.service';
import { RoleGrant } from '../users/role-grant.entity';
import { ScopeLabels } from '../users/scope-labels.service';
import { User } from '../users/user.entity';
import { TokenService } from './token.service';
import { WechatClient } from './wechat-client';

/** How many demo users per role the dev sign-in picker offers. */
const DEV_USERS_PER_ROLE = 4;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly tokens: TokenService,
    private readonly me: MeService,
    private readonly scopeLabels: ScopeLabels,
  ) {}

  /** WeChat sign-in: the openid identifies the person; first-timers get an account on the spot. */
  async loginWithWechat(code: string): Promise<LoginResponse> {
    const { openid } = await this.wechat.code2session(code);
    const user = await this.findOrCreateByOpenid(openid);
    return this.loginAs(user.id);
  }

  /** Development sign-in as any existing user (the controller only allows it when enabled). */
  async devLogin(userId: number): Promise<LoginResponse> {
    if (!(await this.dataSource.getRepository(User).exist({ where: { id: userId } }))) {
      throw new ApiException(404, 'not_found', '该演示用户不存在');
    }
    return this.loginAs(userId);
  }

  /** A handful of seeded users per role, each with where they act, for the dev sign-in picker. */
  async devUsers(): Promise<DevUserOption[]> {
    const users = await this.dataSource.getRepository(User).find({ where: { seedKey: Not(IsNull()) }, order: { id: 'ASC' } });
    if (!users.length) return [];
    const grants = await this.dataSource
      .getRepository(RoleGrant)
      .find({ where: { userId: In(users.map((u) => u.id)) }, order: { id: 'ASC' } });

    const byRole = new Map<Role, Array<{ user: User; grant: RoleGrant | null }>>();
    const add = (role: Role, entry: { user: User; grant: RoleGrant | null }) => {
      const list = byRole.get(role) ?? [];
      if (list.length < DEV_USERS_PER_ROLE && !list.some((e) => e.user.id === entry.user.id)) list.push(entry);
      byRole.set(role, list);
    };
    for (const user of users) {
      const own = grants.filter((g) => g.userId === user.id);
      if (!own.length) add('visitor', { user, grant: null });
      for (const grant of own) add(grant.role, { user, grant });
    }

    const picked = ROLES.flatMap((role) => (byRole.get(role) ?? []).map((entry) => ({ role, ...entry })));
    const labels = await this.scopeLabels.labelAll(picked.filter((p) => p.grant).map((p) => p.grant as RoleGrant));
    let next = 0;
    return picked.map(({ role, user, grant }) => ({
      id: user.id,
      name: user.realName ?? user.name,
      role,
      scopeLabel: grant ? labels[next++] : null,
    }));
  }

  private async loginAs(userId: number): Promise<LoginResponse> {
    const { accessToken, expiresIn } = this.tokens.issue(userId);
    return { accessToken, expiresIn, user: await this.me.describe(userId) };
  }

  private async findOrCreateByOpenid(openid: string): Promise<User> {
    const users = this.dataSource.getRepository(User);
    const existing = await users.findOneBy({ openid });
    if (existing) return existing;
    try {
      const created = await users.save(users.create({ openid, name: '微信用户' }));
      this.logger.log({ userId: created.id }, 'new user signed up through WeChat');
      return created;
    } catch (error) {
      // Two first logins racing for the same openid: the loser reads the winner's row.
      if (!isUniqueViolation(error)) throw error;
      return users.findOneByOrFail({ openid });
    }
  }
}
