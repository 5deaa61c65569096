import { Injectable } from '@nestjs/common';
import { Action, DELIBERATION_SCOPE_LABELS, DeliberationScope, isAllowed } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user';
import { effectiveGrants } from '../auth/signed-in-grants';
import { OrgLocator } from '../grids/org-locator.service';
import { DeliberationErrors } from './deliberation-errors';
import { ResidencyScope } from './residency-scope';

/**
 * Who may do what to one community's deliberations. The route guard has already checked the action in
 * general; this answers for a concrete community (a committee acts only in its own) and for residency.
 */
@Injectable()
export class DeliberationAccess {
  constructor(
    private readonly orgLocator: OrgLocator,
    private readonly residency: ResidencyScope,
  ) {}

  async may(user: AuthUser | null, action: Action, communityId: number): Promise<boolean> {
    if (!user) return isAllowed([], action);
    const location = await this.orgLocator.locateCommunity(communityId);
    return location !== null && isAllowed(effectiveGrants(user.grants), action, location);
  }

  async assertMay(user: AuthUser, action: Action, communityId: number): Promise<void> {
    if (!(await this.may(user, action, communityId))) throw DeliberationErrors.outOfScope();
  }

  isResident(userId: number, communityId: number): Promise<boolean> {
    return this.residency.isResidentOf(userId, communityId);
  }

  async assertResident(userId: number, communityId: number): Promise<void> {
    if (!(await this.residency.isResidentOf(userId, communityId))) throw DeliberationErrors.notResident();
  }

  async assertInScope(userId: number, communityId: number, scope: DeliberationScope): Promise<void> {
    if (!(await this.residency.isResidentOf(userId, communityId))) throw DeliberationErrors.notResident();
    if (!(await this.residency.isInScope(userId, communityId, scope))) throw DeliberationErrors.notInScope(scopeLabel(scope));
  }
}

export function scopeLabel(scope: DeliberationScope): string {
  return scope.kind === 'building' ? `${scope.building ?? ''}居民` : DELIBERATION_SCOPE_LABELS[scope.kind];
}
