import { routeCase, routingCandidates } from './case-routing';
import { leastLoaded, matchDispatcher, matchGridWorker, RosterSlot, slotCovers } from './roster-matcher';
import { shanghaiDayStamp, shanghaiWeekMinute } from './shanghai-clock';

const MONDAY = 1;
const at = (weekday: number, hh: number, mm = 0) => ({ weekday, minute: hh * 60 + mm });
const worker = (userId: number, gridId: number, weekday: number, from: number, to: number): RosterSlot => ({
  userId,
  gridId,
  communityId: 100,
  weekday,
  startMinute: from * 60,
  endMinute: to * 60,
  isDispatcher: false,
});
const dispatcher = (userId: number, communityId: number, weekday: number, from: number, to: number): RosterSlot => ({
  userId,
  gridId: null,
  communityId,
  weekday,
  startMinute: from * 60,
  endMinute: to * 60,
  isDispatcher: true,
});
const noLoads = new Map<number, number>();

describe('roster matcher', () => {
  it('reads the roster on Shanghai wall-clock time, whatever the server’s zone', () => {
    // 2026-11-22 23:30 UTC is Monday 07:30 in Shanghai.
    expect(shanghaiWeekMinute(new Date('2026-11-22T23:30:00Z'))).toEqual({ weekday: MONDAY, minute: 7 * 60 + 30 });
    expect(shanghaiDayStamp(new Date('2026-11-22T23:30:00Z'))).toBe('20261123');
    expect(shanghaiDayStamp(new Date('2026-11-22T15:59:00Z'))).toBe('20261122');
  });

  it('counts a shift from its start up to, not including, its end', () => {
    const slot = worker(1, 10, MONDAY, 9, 17);
    expect(slotCovers(slot, at(MONDAY, 9))).toBe(true);
    expect(slotCovers(slot, at(MONDAY, 16, 59))).toBe(true);
    expect(slotCovers(slot, at(MONDAY, 17))).toBe(false);
    expect(slotCovers(slot, at(MONDAY, 8, 59))).toBe(false);
    expect(slotCovers(slot, at(2, 10))).toBe(false);
  });

  it('carries a night shift past midnight into the next day, including Saturday into Sunday', () => {
    const night = worker(1, 10, MONDAY, 22, 6);
    expect(slotCovers(night, at(MONDAY, 23))).toBe(true);
    expect(slotCovers(night, at(2, 5, 59))).toBe(true);
    expect(slotCovers(night, at(2, 6))).toBe(false);
    expect(slotCovers(night, at(MONDAY, 5))).toBe(false);
    expect(slotCovers(worker(1, 10, 6, 20, 2), at(0, 1))).toBe(true);
  });

  it('sends the case to the on-duty worker of the grid that contains the point', () => {
    const slots = [worker(1, 10, MONDAY, 9, 17), worker(2, 11, MONDAY, 9, 17), worker(3, 10, MONDAY, 17, 22)];
    expect(matchGridWorker(slots, 10, noLoads, at(MONDAY, 10))).toBe(1);
    expect(matchGridWorker(slots, 10, noLoads, at(MONDAY, 18))).toBe(3);
    expect(matchGridWorker(slots, 11, noLoads, at(MONDAY, 18))).toBeNull();
  });

  it('picks the least loaded of several workers on duty, and the lowest id on a tie', () => {
    const slots = [worker(7, 10, MONDAY, 9, 17), worker(4, 10, MONDAY, 9, 17), worker(5, 10, MONDAY, 9, 17)];
    expect(matchGridWorker(slots, 10, new Map([[7, 1], [4, 3], [5, 2]]), at(MONDAY, 10))).toBe(7);
    expect(matchGridWorker(slots, 10, new Map([[7, 2], [4, 2], [5, 2]]), at(MONDAY, 10))).toBe(4);
    expect(matchGridWorker(slots, 10, noLoads, at(MONDAY, 10))).toBe(4);
    expect(leastLoaded([], noLoads)).toBeNull();
  });

  it('does not take a community dispatcher for a grid worker', () => {
    const slots = [dispatcher(9, 100, MONDAY, 0, 24)];
    expect(matchGridWorker(slots, 10, noLoads, at(MONDAY, 10))).toBeNull();
  });

  it('prefers a dispatcher on duty and otherwise falls back to any dispatcher of the community', () => {
    const slots = [dispatcher(9, 100, MONDAY, 8, 12), dispatcher(8, 100, MONDAY, 12, 20), dispatcher(6, 200, MONDAY, 0, 24)];
    expect(matchDispatcher(slots, 100, noLoads, at(MONDAY, 9))).toBe(9);
    expect(matchDispatcher(slots, 100, noLoads, at(MONDAY, 13))).toBe(8);
    expect(matchDispatcher(slots, 100, new Map([[8, 5]]), at(MONDAY, 22))).toBe(9);
    expect(matchDispatcher(slots, 300, noLoads, at(MONDAY, 9))).toBeNull();
  });

  describe('routing a report', () => {
    const slots = [worker(1, 10, MONDAY, 9, 17), dispatcher(9, 100, MONDAY, 8, 22)];
    const inGrid = { gridId: 10, communityId: 100, streetId: 1000, categoryConfident: true };

    it('routes automatically to the grid worker on duty', () => {
      expect(routeCase(inGrid, slots, noLoads, at(MONDAY, 10))).toEqual({ queue: 'grid', handlerUserId: 1, routedBy: 'auto' });
    });

    it('hands the case to the community dispatcher when no worker is on duty', () => {
      expect(routeCase(inGrid, slots, noLoads, at(MONDAY, 20))).toEqual({ queue: 'community_dispatch', handlerUserId: 9, routedBy: 'dispatcher' });
    });

    it('lets a dispatcher look first when the category is a guess, even with a worker on duty', () => {
      expect(routeCase({ ...inGrid, categoryConfident: false }, slots, noLoads, at(MONDAY, 10))).toEqual({
        queue: 'community_dispatch',
        handlerUserId: 9,
        routedBy: 'dispatcher',
      });
    });

    it('keeps a case with nobody on the roster in the community queue rather than losing it', () => {
      expect(routeCase({ ...inGrid, gridId: 11, communityId: 101 }, slots, noLoads, at(MONDAY, 10))).toEqual({
        queue: 'community_dispatch',
        handlerUserId: null,
        routedBy: 'dispatcher',
      });
    });

    it('puts a point outside every grid in the street queue, or the district queue when no street is near', () => {
      const outside = { gridId: null, communityId: null, streetId: 1000, categoryConfident: true };
      expect(routeCase(outside, slots, noLoads, at(MONDAY, 10))).toEqual({ queue: 'street_dispatch', handlerUserId: null, routedBy: 'dispatcher' });
      expect(routeCase({ ...outside, streetId: null }, slots, noLoads, at(MONDAY, 10)).queue).toBe('district_dispatch');
    });
  });

  describe('whose loads a report needs counted', () => {
    const roster = [
      worker(1, 10, MONDAY, 9, 17),
      worker(2, 10, MONDAY, 9, 12),
      worker(3, 11, MONDAY, 9, 17),
      dispatcher(8, 100, MONDAY, 8, 12),
      dispatcher(9, 100, MONDAY, 8, 22),
    ];
    const inGrid = { gridId: 10, communityId: 100, streetId: 1000, categoryConfident: true };

    it('names the on-duty workers of the grid, else the community’s dispatchers on duty, else all of them', () => {
      expect(routingCandidates(inGrid, roster, at(MONDAY, 10)).sort()).toEqual([1, 2]);
      expect(routingCandidates(inGrid, roster, at(MONDAY, 13))).toEqual([1]);
      expect(routingCandidates(inGrid, roster, at(MONDAY, 18))).toEqual([9]);
      expect(routingCandidates({ ...inGrid, categoryConfident: false }, roster, at(MONDAY, 10)).sort()).toEqual([8, 9]);
      expect(routingCandidates(inGrid, roster, at(MONDAY, 23)).sort()).toEqual([8, 9]);
      expect(routingCandidates({ ...inGrid, gridId: null, communityId: null }, roster, at(MONDAY, 10))).toEqual([]);
    });

    it('decides exactly as with every load when only the candidates’ loads are counted, and none when there is no choice', () => {
      const everyLoad = new Map([[1, 4], [2, 1], [3, 0], [8, 2], [9, 7]]);
      for (const hour of [0, 8, 9, 10, 12, 13, 17, 18, 21, 22, 23]) {
        for (const input of [inGrid, { ...inGrid, categoryConfident: false }, { ...inGrid, gridId: 11 }, { ...inGrid, gridId: 12, communityId: 101 }]) {
          const candidates = routingCandidates(input, roster, at(MONDAY, hour));
          const counted = candidates.length > 1 ? new Map(candidates.map((id) => [id, everyLoad.get(id) ?? 0])) : noLoads;
          expect(routeCase(input, roster, counted, at(MONDAY, hour))).toEqual(routeCase(input, roster, everyLoad, at(MONDAY, hour)));
        }
      }
    });
  });
});
