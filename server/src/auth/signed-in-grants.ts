import type { RoleGrant } from '@linli/shared';

/**
 * Every signed-in person is at least a resident of the platform, even before a household is
 * verified: they may read their profile and apply for a residency. The grant carries no scope,
 * so it never reaches into a community (a verified residency adds the community-scoped one).
 */
export const SIGNED_IN_BASELINE: RoleGrant = { role: 'resident', scopeKind: 'none', scopeId: null };

/** The grants the permission matrix is checked against for a signed-in user. */
export function effectiveGrants(stored: RoleGrant[]): RoleGrant[] {
  const plain = stored.map(({ role, scopeKind, scopeId }) => ({ role, scopeKind, scopeId }));
  return plain.some((grant) => grant.role === 'resident') ? plain : [...plain, SIGNED_IN_BASELINE];
}
