import type { CaseQueue, CaseRoutedBy } from '@linli/shared';
import { dispatcherCandidates, gridWorkersOnDuty, matchDispatcher, matchGridWorker, RosterSlot } from './roster-matcher';
import { WeekMinute } from './shanghai-clock';

/** Where the report's point fell and whether the category is trusted. */
export interface CaseRoutingInput {
  gridId: number | null;
  communityId: number | null;
  streetId: number | null;
  /** False when the classifier was not confident: a person should look before anyone is sent. */
  categoryConfident: boolean;
}

export interface CaseRoutingDecision {
  queue: CaseQueue;
  handlerUserId: number | null;
  /** `auto` when the roster found a grid worker; `dispatcher` when a dispatcher has to decide. */
  routedBy: CaseRoutedBy;
}

/**
 * Forwarding rule: the grid that contains the point → its on-duty worker (least loaded); nobody on duty or an
 * unsure category → the community's dispatcher; a point outside every grid → the street's (or, failing
 * that, the district's) dispatch queue. Never returns "nowhere": every report lands in some queue.
 */
export function routeCase(input: CaseRoutingInput, slots: readonly RosterSlot[], openCases: ReadonlyMap<number, number>, at: WeekMinute): CaseRoutingDecision {
  if (input.gridId === null || input.communityId === null) {
    return { queue: input.streetId !== null ? 'street_dispatch' : 'district_dispatch', handlerUserId: null, routedBy: 'dispatcher' };
  }
  if (input.categoryConfident) {
    const worker = matchGridWorker(slots, input.gridId, openCases, at);
    if (worker !== null) return { queue: 'grid', handlerUserId: worker, routedBy: 'auto' };
  }
  return { queue: 'community_dispatch', handlerUserId: matchDispatcher(slots, input.communityId, openCases, at), routedBy: 'dispatcher' };
}

/**
 * The people routeCase chooses between by open-case load for this report: the grid's workers on duty (when the
 * category is trusted and someone is on duty), else the community's dispatchers. With fewer than two there is
 * no choice, and the loads need not be counted; the decision is the same with or without them.
 */
export function routingCandidates(input: CaseRoutingInput, slots: readonly RosterSlot[], at: WeekMinute): number[] {
  if (input.gridId === null || input.communityId === null) return [];
  if (input.categoryConfident) {
    const workers = gridWorkersOnDuty(slots, input.gridId, at);
    if (workers.length > 0) return workers;
  }
  return dispatcherCandidates(slots, input.communityId, at);
}
