import type { CaseHandlerCandidate, CaseQueue } from '@linli/shared';
import { RosterSlot, slotCovers } from '../dispatch/roster-matcher';
import type { WeekMinute } from '../dispatch/shanghai-clock';

/**
 * Who may work a case, and so take it over (转派): the rule's pure parts. HandlerCandidates reads the rows
 * they need; the reassign transition and the candidates list both go through it.
 */

/** Where a case's possible handlers are found: its community; outside every grid, its street, else its district. */
export type CandidateArea = { kind: 'community' | 'street' | 'district'; id: number };

export function candidateAreaOf(place: { communityId: number | null; streetId: number | null; districtId: number }): CandidateArea {
  if (place.communityId !== null) return { kind: 'community', id: place.communityId };
  if (place.streetId !== null) return { kind: 'street', id: place.streetId };
  return { kind: 'district', id: place.districtId };
}

export interface AreaStreet {
  id: number;
  name: string;
}

export interface AreaCommunity {
  id: number;
  name: string;
}

export interface AreaGrid {
  id: number;
  name: string;
  communityId: number;
}

/**
 * What the area holds: the streets whose offices may take the case (none for a case in a community), the
 * communities and their grids.
 */
export interface AreaRoster {
  streets: readonly AreaStreet[];
  communities: readonly AreaCommunity[];
  grids: readonly AreaGrid[];
}

/** A grid_worker grant: on a grid (a grid worker), on a whole community or a whole street (their dispatcher). */
export interface WorkerGrant {
  userId: number;
  scopeKind: string;
  scopeId: number | null;
}

/** The part one person would play as the case's handler, and where. */
export type HandlerSeat = Pick<CaseHandlerCandidate, 'userId' | 'role' | 'gridId' | 'gridName' | 'communityId' | 'communityName' | 'streetName'>;

/** Which seat a person takes when they could take several: a grid (the case's own first, then the lowest id), then a community, then a street. */
function seatRank(seat: HandlerSeat, caseGridId: number | null): [number, number] {
  if (seat.gridId !== null) return [0, seat.gridId === caseGridId ? -1 : seat.gridId];
  if (seat.communityId !== null) return [1, seat.communityId];
  return [2, 0];
}

const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * One seat per person who works in the area, by user id. Someone who works a grid there sits as its grid worker,
 * even if they also dispatch: the case then goes to the grid queue. Grants outside the area are ignored.
 */
export function handlerSeats(grants: readonly WorkerGrant[], area: AreaRoster, caseGridId: number | null): HandlerSeat[] {
  const streetById = new Map(area.streets.map((s) => [s.id, s]));
  const communityById = new Map(area.communities.map((c) => [c.id, c]));
  const gridById = new Map(area.grids.filter((g) => communityById.has(g.communityId)).map((g) => [g.id, g]));
  const seatOf = (grant: WorkerGrant): HandlerSeat | null => {
    const nobody = { userId: grant.userId, gridId: null, gridName: null, communityId: null, communityName: null, streetName: null };
    if (grant.scopeId === null) return null;
    if (grant.scopeKind === 'grid') {
      const grid = gridById.get(grant.scopeId);
      const community = grid && communityById.get(grid.communityId)!;
      return grid && community ? { ...nobody, role: 'grid_worker', gridId: grid.id, gridName: grid.name, communityId: community.id, communityName: community.name } : null;
    }
    if (grant.scopeKind === 'community') {
      const community = communityById.get(grant.scopeId);
      return community ? { ...nobody, role: 'dispatcher', communityId: community.id, communityName: community.name } : null;
    }
    if (grant.scopeKind === 'street') {
      const street = streetById.get(grant.scopeId);
      return street ? { ...nobody, role: 'dispatcher', streetName: street.name } : null;
    }
    return null;
  };
  const seats = new Map<number, HandlerSeat>();
  for (const grant of grants) {
    const seat = seatOf(grant);
    const current = seats.get(grant.userId);
    if (seat && (!current || before(seatRank(seat, caseGridId), seatRank(current, caseGridId)))) seats.set(grant.userId, seat);
  }
  return [...seats.values()].sort((a, b) => a.userId - b.userId);
}

/**
 * The queue after the case changes hands: a grid worker has it in the grid queue; handed to a dispatcher it stays
 * in (or goes back to) the dispatch queue of its level, as routing would have put it.
 */
export function queueAfterReassign(row: { queue: CaseQueue; communityId: number | null; streetId: number | null }, seat: Pick<HandlerSeat, 'role'>): CaseQueue {
  if (seat.role === 'grid_worker') return 'grid';
  if (row.queue !== 'grid') return row.queue;
  if (row.communityId !== null) return 'community_dispatch';
  return row.streetId !== null ? 'street_dispatch' : 'district_dispatch';
}

/** Whether one of the person's roster slots, in whichever grid or community, covers the moment. */
export function isOnDuty(slots: readonly RosterSlot[], userId: number, at: WeekMinute): boolean {
  return slots.some((s) => s.userId === userId && slotCovers(s, at));
}
