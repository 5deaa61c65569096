import type { SeedCommunity, SeedDepartment, SeedDistrict, SeedGrid, SeedPeopleData, SeedResidency, SeedShift, SeedUser } from '../demo-district-data';

const SURNAMES = '陈李黄梁林何张吴王刘罗郭杨周邓冯谢麦钟曾叶蔡潘朱徐许苏卢关谭'.split('');
const GIVEN = '志伟明华建国丽娟婷敏俊杰嘉欣文彬秀英家豪子轩雅琪晓东海燕玉兰少芳健康永红佩珊浩然慧玲国强锦辉淑仪伟强宝珠'.split('');

const minutes = (h: number, m = 0) => h * 60 + m;
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Everyone in the demo district: staff, grid workers with their roster, committees, branches, residents. */
export function generatePeople(
  district: SeedDistrict,
  departments: SeedDepartment[],
  communities: SeedCommunity[],
  grids: SeedGrid[],
  rand: () => number,
): SeedPeopleData {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const usedNames = new Set<string>();
  const personName = (): string => {
    for (;;) {
      const given = rand() < 0.7 ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
      const name = pick(SURNAMES) + given;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const users: SeedUser[] = [];
  const shifts: SeedShift[] = [];
  const residencies: SeedResidency[] = [];
  const person = (seedKey: string, grants: SeedUser['grants']): SeedUser => {
    const realName = personName();
    const user = { seedKey, name: realName, realName, phone: `138${String(users.length + 1).padStart(8, '0')}`, grants };
    users.push(user);
    return user;
  };

  person('admin', [{ role: 'district_admin', scopeKind: 'district', scopeCode: district.code }]);
  for (const department of departments) {
    person(`staff-${department.code}`, [{ role: 'department_staff', scopeKind: 'department', scopeCode: department.code }]);
  }
  // The busiest departments get a second pair of hands.
  for (const code of ['chengguan', 'shizheng']) {
    person(`staff-${code}-2`, [{ role: 'department_staff', scopeKind: 'department', scopeCode: code }]);
  }

  for (const community of communities) {
    const c = community.key;
    const own = grids.filter((g) => g.communityCode === community.code);
    person(`committee-${c}`, [{ role: 'community_committee', scopeKind: 'community', scopeCode: community.code }]);
    person(`branch-${c}`, [{ role: 'party_branch', scopeKind: 'community', scopeCode: community.code }]);

    // The dispatcher takes what no grid worker can, every day from 08:00 to 22:00.
    person(`dispatcher-${c}`, [{ role: 'grid_worker', scopeKind: 'community', scopeCode: community.code }]);
    for (let weekday = 0; weekday < 7; weekday++) {
      shifts.push({ seedKey: `dispatcher-${c}`, gridCode: null, communityCode: community.code, weekday, startMinute: minutes(8), endMinute: minutes(22), isDispatcher: true });
    }

    for (const grid of own) {
      const shift = (seedKey: string, weekday: number, start: number, end: number) =>
        shifts.push({ seedKey, gridCode: grid.code, communityCode: community.code, weekday, startMinute: start, endMinute: end, isDispatcher: false });
      const day = `worker-${grid.key}`;
      person(day, [{ role: 'grid_worker', scopeKind: 'grid', scopeCode: grid.code }]);
      // Office hours on weekdays; now and then a weekday off, which leaves a gap only the dispatcher covers.
      const dayOff = rand() < 0.2 ? pick(WEEKDAYS) : -1;
      for (const weekday of WEEKDAYS) if (weekday !== dayOff) shift(day, weekday, minutes(8, 30), minutes(17, 30));
      if (rand() < 0.35) {
        const evening = `worker-${grid.key}-2`;
        person(evening, [{ role: 'grid_worker', scopeKind: 'grid', scopeCode: grid.code }]);
        for (const weekday of WEEKDAYS) shift(evening, weekday, minutes(17, 30), minutes(21, 30));
        shift(evening, 6, minutes(9), minutes(17));
      } else {
        shift(day, 6, minutes(9), minutes(12));
      }
    }

    // Households: buildings 1–12栋 spread over the community's grids, units 1–3, rooms 101–1802.
    const households: Array<{ building: string; unit: string; room: string; gridCode: string; owned: boolean }> = [];
    const addresses = new Set<string>();
    const newHousehold = () => {
      for (;;) {
        const b = between(1, 12);
        const address = { building: `${b}栋`, unit: `${between(1, 3)}单元`, room: `${between(1, 18)}0${between(1, 2)}` };
        const key = `${address.building}/${address.unit}/${address.room}`;
        if (addresses.has(key)) continue;
        addresses.add(key);
        const household = { ...address, gridCode: own[(b - 1) % own.length].code, owned: rand() < 0.75 };
        households.push(household);
        return household;
      }
    };
    const settle = (seedKey: string, alwaysVerified: boolean): boolean => {
      // About one in five joins a household someone already lives in (family of an owner, or a flatmate).
      const joining = households.length > 3 && rand() < 0.2;
      const household = joining ? pick(households) : newHousehold();
      const relation = joining ? (household.owned ? 'family' : 'tenant') : household.owned ? 'owner' : 'tenant';
      const roll = rand();
      const status = alwaysVerified || roll >= 0.16 ? 'verified' : roll < 0.12 ? 'pending' : 'rejected';
      residencies.push({
        seedKey,
        communityCode: community.code,
        gridCode: household.gridCode,
        building: household.building,
        unit: household.unit,
        room: household.room,
        relation,
        exclusiveArea: relation === 'owner' ? Math.round((45 + rand() * 115) * 100) / 100 : null,
        status,
      });
      return status === 'verified';
    };

    const partyMembers = between(2, 4);
    for (let n = 1; n <= partyMembers; n++) {
      const seedKey = `party-${c}-${String(n).padStart(2, '0')}`;
      const user = person(seedKey, [{ role: 'party_member', scopeKind: 'community', scopeCode: community.code }]);
      if (settle(seedKey, true)) user.grants.push({ role: 'resident', scopeKind: 'community', scopeCode: community.code });
    }
    const residents = between(15, 22);
    for (let n = 1; n <= residents; n++) {
      const seedKey = `resident-${c}-${String(n).padStart(3, '0')}`;
      const user = person(seedKey, []);
      if (settle(seedKey, false)) user.grants.push({ role: 'resident', scopeKind: 'community', scopeCode: community.code });
    }
  }

  // Each street office has a dispatcher of its own: the street's queue (reports outside every grid near it) and the
  // whistles (吹哨) blown in its communities. Last, so everyone generated before keeps their name and phone.
  for (const streetCode of [...new Set(communities.map((c) => c.streetCode))]) {
    person(`dispatcher-street-${streetCode}`, [{ role: 'grid_worker', scopeKind: 'street', scopeCode: streetCode }]);
  }

  return { users, shifts, residencies };
}
