import type { DevUserOption } from '@linli/shared';
import { groupDevUsers } from './dev-user-groups';

const user = (id: number, role: DevUserOption['role'], name = `用户${id}`): DevUserOption => ({ id, name, role, scopeLabel: null });

describe('groupDevUsers', () => {
  it('puts each demo user under the Chinese label of their role', () => {
    const groups = groupDevUsers([user(7, 'grid_worker', '王网格'), user(3, 'resident', '李居民')]);
    expect(groups.map((g) => [g.label, g.users.map((u) => u.name)])).toEqual([
      ['居民', ['李居民']],
      ['网格员', ['王网格']],
    ]);
  });

  it('orders groups by the declared role order with visitors last, users by id, leaving out empty roles', () => {
    const groups = groupDevUsers([user(4, 'visitor'), user(9, 'district_admin'), user(5, 'resident'), user(2, 'resident')]);
    expect(groups.map((g) => g.role)).toEqual(['resident', 'district_admin', 'visitor']);
    expect(groups[0].users.map((u) => u.id)).toEqual([2, 5]);
  });
});
