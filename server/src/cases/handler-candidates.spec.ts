import type { RosterSlot } from '../dispatch/roster-matcher';
import { AreaCommunity, AreaGrid, AreaRoster, candidateAreaOf, handlerSeats, isOnDuty, queueAfterReassign, WorkerGrant } from './handler-candidates';

const streets = [{ id: 20, name: '洪桥街道' }];
const communities: AreaCommunity[] = [
  { id: 100, name: '小北社区' },
  { id: 101, name: '东风社区' },
];
const grids: AreaGrid[] = [
  { id: 1000, name: '第1网格', communityId: 100 },
  { id: 1001, name: '第2网格', communityId: 100 },
  { id: 1010, name: '第1网格', communityId: 101 },
];
const onGrid = (userId: number, gridId: number): WorkerGrant => ({ userId, scopeKind: 'grid', scopeId: gridId });
const onCommunity = (userId: number, communityId: number): WorkerGrant => ({ userId, scopeKind: 'community', scopeId: communityId });
const onStreet = (userId: number, streetId: number): WorkerGrant => ({ userId, scopeKind: 'street', scopeId: streetId });
/** A case in a community: no street office among the candidates. */
const inCommunities: AreaRoster = { streets: [], communities, grids };

describe('where the people who may work a case are found', () => {
  it('looks in the case’s community, else its street, else its district', () => {
    expect(candidateAreaOf({ communityId: 100, streetId: 20, districtId: 1 })).toEqual({ kind: 'community', id: 100 });
    expect(candidateAreaOf({ communityId: null, streetId: 20, districtId: 1 })).toEqual({ kind: 'street', id: 20 });
    expect(candidateAreaOf({ communityId: null, streetId: null, districtId: 1 })).toEqual({ kind: 'district', id: 1 });
  });
});

describe('who may take a case over', () => {
  it('seats grid workers of the area’s grids at their grid, and community dispatchers at no grid', () => {
    const seats = handlerSeats([onGrid(2, 1001), onCommunity(3, 100), onGrid(4, 1010)], inCommunities, 1000);
    expect(seats).toEqual([
      { userId: 2, role: 'grid_worker', gridId: 1001, gridName: '第2网格', communityId: 100, communityName: '小北社区', streetName: null },
      { userId: 3, role: 'dispatcher', gridId: null, gridName: null, communityId: 100, communityName: '小北社区', streetName: null },
      { userId: 4, role: 'grid_worker', gridId: 1010, gridName: '第1网格', communityId: 101, communityName: '东风社区', streetName: null },
    ]);
  });

  it('leaves out workers and dispatchers of grids, communities and streets outside the area', () => {
    const oneCommunity: AreaRoster = { streets: [], communities: communities.slice(0, 1), grids };
    expect(handlerSeats([onGrid(4, 1010), onCommunity(5, 101), onGrid(6, 9999), onStreet(7, 20)], oneCommunity, 1000)).toEqual([]);
  });

  it('seats a street office’s dispatcher when the area is the street or the district', () => {
    const seats = handlerSeats([onStreet(7, 20), onStreet(8, 21)], { streets, communities, grids }, null);
    expect(seats).toEqual([{ userId: 7, role: 'dispatcher', gridId: null, gridName: null, communityId: null, communityName: null, streetName: '洪桥街道' }]);
  });

  it('gives each person one seat: a grid before dispatching, the case’s own grid before another, a community before a street', () => {
    const area: AreaRoster = { streets, communities, grids };
    const seats = handlerSeats(
      [onCommunity(7, 100), onGrid(7, 1001), onGrid(8, 1001), onGrid(8, 1000), onGrid(9, 1001), onGrid(9, 1010), onStreet(10, 20), onCommunity(10, 101), onCommunity(10, 100)],
      area,
      1000,
    );
    expect(seats.map((s) => [s.userId, s.role, s.gridId, s.communityId])).toEqual([
      [7, 'grid_worker', 1001, 100],
      [8, 'grid_worker', 1000, 100],
      [9, 'grid_worker', 1001, 100],
      [10, 'dispatcher', null, 100],
    ]);
  });
});

describe('the queue after the case changes hands', () => {
  const inGrid = { queue: 'grid' as const, communityId: 100, streetId: 20 };

  it('is the grid queue when a grid worker takes it', () => {
    expect(queueAfterReassign({ ...inGrid, queue: 'community_dispatch' }, { role: 'grid_worker' })).toBe('grid');
    expect(queueAfterReassign({ queue: 'street_dispatch', communityId: null, streetId: 20 }, { role: 'grid_worker' })).toBe('grid');
  });

  it('stays a dispatch queue when a dispatcher takes it', () => {
    expect(queueAfterReassign({ ...inGrid, queue: 'community_dispatch' }, { role: 'dispatcher' })).toBe('community_dispatch');
    expect(queueAfterReassign({ queue: 'district_dispatch', communityId: null, streetId: null }, { role: 'dispatcher' })).toBe('district_dispatch');
  });

  it('goes back to the dispatch queue of its level when a dispatcher takes it from a grid worker', () => {
    expect(queueAfterReassign(inGrid, { role: 'dispatcher' })).toBe('community_dispatch');
    expect(queueAfterReassign({ queue: 'grid', communityId: null, streetId: 20 }, { role: 'dispatcher' })).toBe('street_dispatch');
    expect(queueAfterReassign({ queue: 'grid', communityId: null, streetId: null }, { role: 'dispatcher' })).toBe('district_dispatch');
  });
});

describe('who is on duty', () => {
  const slot = (userId: number, weekday: number, startMinute: number, endMinute: number, isDispatcher = false): RosterSlot => ({
    userId,
    gridId: isDispatcher ? null : 1000,
    communityId: 100,
    weekday,
    startMinute,
    endMinute,
    isDispatcher,
  });

  it('counts anyone whose roster slot covers the moment, night shifts into the next day included', () => {
    const slots = [slot(2, 1, 8 * 60, 17 * 60), slot(3, 1, 22 * 60, 6 * 60, true)];
    expect(isOnDuty(slots, 2, { weekday: 1, minute: 9 * 60 })).toBe(true);
    expect(isOnDuty(slots, 2, { weekday: 1, minute: 17 * 60 })).toBe(false);
    expect(isOnDuty(slots, 3, { weekday: 2, minute: 3 * 60 })).toBe(true);
    expect(isOnDuty(slots, 3, { weekday: 1, minute: 9 * 60 })).toBe(false);
    expect(isOnDuty(slots, 4, { weekday: 1, minute: 9 * 60 })).toBe(false);
  });
});
