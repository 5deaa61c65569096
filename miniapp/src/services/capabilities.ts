import type { MeResponse, Role } from '@linli/shared';

/**
 * One thing a feature lets people do, and who may do it. `roles` are "any of"; a rule with no
 * condition is open to everyone, visitors included. When an action enters the shared permission
 * matrix, its rule should take `roles: rolesFor(action)` so the matrix stays the one source of truth.
 */
export interface CapabilityRule {
  text: string;
  roles?: readonly Role[];
  signedIn?: boolean;
  verifiedHousehold?: boolean;
}

export interface Capability {
  text: string;
  allowed: boolean;
  /** Why not, in words a resident understands; empty when allowed. */
  hint: string;
}

const ROLE_HINT_SEPARATOR = '、';

function heldRoles(me: MeResponse | null): Role[] {
  if (!me) return ['visitor'];
  return me.grants.map((grant) => grant.role);
}

export function hasVerifiedHousehold(me: MeResponse | null): boolean {
  return !!me && me.residencies.some((residency) => residency.status === 'verified');
}

export function capabilitiesFor(rules: CapabilityRule[], me: MeResponse | null, roleLabels: Record<Role, string>): Capability[] {
  const roles = heldRoles(me);
  return rules.map((rule) => {
    if (rule.signedIn && !me) return { text: rule.text, allowed: false, hint: '登录后可用' };
    if (rule.verifiedHousehold && !hasVerifiedHousehold(me)) {
      return { text: rule.text, allowed: false, hint: me ? '完成实名认证并绑定房屋后可用' : '登录并完成实名认证后可用' };
    }
    if (rule.roles && !rule.roles.some((role) => roles.includes(role))) {
      return { text: rule.text, allowed: false, hint: `${rule.roles.map((role) => roleLabels[role]).join(ROLE_HINT_SEPARATOR)}可用` };
    }
    return { text: rule.text, allowed: true, hint: '' };
  });
}
