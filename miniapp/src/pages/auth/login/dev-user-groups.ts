import { ROLES, ROLE_LABELS, type DevUserOption, type Role } from '@linli/shared';

export interface DevUserGroup {
  role: Role;
  label: string;
  users: DevUserOption[];
}

/** Groups the demo users by role, in the order roles are declared (resident first, district admin last). */
export function groupDevUsers(users: DevUserOption[]): DevUserGroup[] {
  return ROLES.map((role) => ({
    role,
    label: ROLE_LABELS[role],
    users: users.filter((user) => user.role === role).sort((a, b) => a.id - b.id),
  })).filter((group) => group.users.length > 0);
}
