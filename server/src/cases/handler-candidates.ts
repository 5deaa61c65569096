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

export interface AreaCommunity {
  id: number;
  name: string;
}

export interface AreaGrid {
  id: number;
  name: string;
  communityId: number;
}

/** A grid_worker grant: on a grid (a grid worker) or on a whole community (its dispatcher). */
export interface WorkerGrant {
  userId: number;
  scopeKind: string;
  scopeId: number | null;
}

/** The part one person would play as the case's handler, and where. */
export interface HandlerSeat {
  userId: number;
  role: CaseHandlerCandidate['role'];
  gridId: number | null;
  gridName: string | null;
  communityId: number;
  communityName: string;
}

/**
 * One seat per person who works in the area, by user id. Someone who works a grid there sits as its grid worker
 * (the case's own grid first, then the lowest grid id), even if they also dispatch for a community: the case then
 * goes to the grid queue. Grants outside the area's communities and grids are ignored.
 */
export function handlerSeats(
  grants: readonly WorkerGrant[],
  communities: readonly AreaCommunity[],
  grids: readonly AreaGrid[],
  caseGridId: number | null,
): HandlerSeat[] {
  const communityById = new Map(communities.map((c) => [c.id, c]));
  const gridById = new Map(grids.filter((g) => communityById.has(g.communityId)).map((g) => [g.id, g]));
  const rank = (gridId: number) => (gridId === caseGridId ? -Infinity : gridId);
  const seats = new Map<number, HandlerSeat>();
  for (const grant of grants) {
    if (grant.scopeId === null) continue;
    const current = seats.get(grant.userId);
    if (grant.scopeKind === 'grid') {
      const grid = gridById.get(grant.scopeId);
      if (!grid) continue;
      if (current?.gridId != null && rank(current.gridId) <= rank(grid.id)) continue;
      const community = communityById.get(grid.communityId)!;
      seats.set(grant.userId, { userId: grant.userId, role: 'grid_worker', gridId: grid.id, gridName: grid.name, communityId: community.id, communityName: community.name });
    } else if (grant.scopeKind === 'community') {
      const community = communityById.get(grant.scopeId);
      if (!community) continue;
      if (current && (current.role === 'grid_worker' || current.communityId <= community.id)) continue;
      seats.set(grant.userId, { userId: grant.userId, role: 'dispatcher', gridId: null, gridName: null, communityId: community.id, communityName: community.name });
    }
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
