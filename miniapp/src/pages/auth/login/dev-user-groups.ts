import { ROLES, ROLE_LABELS, type DevUserOption, type Role } from '@linli/shared';

export interface DevUserGroup {
  role: Role;
  label: string;
  users: DevUserOption[];
}

// People without any role (fresh sign-ups) are the least interesting to demo, so they come last.
const PICKER_ORDER: Role[] = [...ROLES.filter((role) => role !== 'visitor'), 'visitor'];

/** Groups the demo users by role, in the declared role order (resident first), role-less visitors last. */
export function groupDevUsers(users: DevUserOption[]): DevUserGroup[] {
  return PICKER_ORDER.map((role) => ({
    role,
    label: ROLE_LABELS[role],
    users: users.filter((user) => user.role === role).sort((a, b) => a.id - b.id),
  })).filter((group) => group.users.length > 0);
}
