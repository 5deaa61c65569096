import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskPhone, type MeResponse } from '@linli/shared';
import { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception';
import { effectiveGrants } from '../auth/signed-in-grants';
import { Residency } from '../residencies/residency.entity';
import { toResidencySummary } from '../residencies/residency-view';
import { RoleGrant } from './role-grant.entity';
import { ScopeLabels } from './scope-labels.service';
import { User } from './user.entity';

/** Builds the signed-in person's own view: profile, grants with scope labels, residencies. */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopeLabels: ScopeLabels,
  ) {}

  async describe(userId: number): Promise<MeResponse> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new ApiException(404, 'not_found', '用户不存在');
    const stored = await this.dataSource.getRepository(RoleGrant).find({ where: { userId }, order: { id: 'ASC' } });
    const grants = effectiveGrants(stored);
    const labels = await this.scopeLabels.labelAll(grants);

    const residencies = await this.dataSource.getRepository(Residency).find({
      where: { userId },
      relations: { household: { community: { street: true } } },
      order: { id: 'ASC' },
    });
    const firstVerified = residencies.find((r) => r.status === 'verified');
    const home = firstVerified?.household?.community;

    return {
      id: user.id,
      name: user.name,
      phoneMasked: user.phone ? maskPhone(user.phone) : null,
      grants: grants.map((grant, i) => ({ ...grant, scopeLabel: labels[i] })),
      residencies: residencies.map(toResidencySummary),
      community: home ? { id: home.id, name: home.name, streetName: home.street?.name ?? '' } : null,
    };
  }
}
