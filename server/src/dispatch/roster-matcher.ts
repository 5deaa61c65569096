import { WeekMinute } from './shanghai-clock';

/** One weekly roster slot, as the matcher needs it (see DutyShift). */
export interface RosterSlot {
  userId: number;
  gridId: number | null;
  communityId: number | null;
  weekday: number;
  startMinute: number;
  endMinute: number;
  isDispatcher: boolean;
}

const DAY = 24 * 60;

/**
 * Whether a slot covers the moment. A slot whose end is not after its start runs past midnight into the
 * next day (a night shift 22:00–06:00 written on Monday covers Tuesday 03:00).
 */
export function slotCovers(slot: RosterSlot, at: WeekMinute): boolean {
  if (slot.endMinute > slot.startMinute) {
    return slot.weekday === at.weekday && at.minute >= slot.startMinute && at.minute < Math.min(slot.endMinute, DAY);
  }
  const nextDay = (slot.weekday + 1) % 7;
  return (slot.weekday === at.weekday && at.minute >= slot.startMinute) || (nextDay === at.weekday && at.minute < slot.endMinute);
}

/**
 * Of the candidates, the one with the fewest open cases; ties go to the lowest user id so the same roster and
 * loads always give the same answer.
 */
export function leastLoaded(userIds: Iterable<number>, openCases: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let bestLoad = Infinity;
  for (const userId of new Set(userIds)) {
    const load = openCases.get(userId) ?? 0;
    if (load < bestLoad || (load === bestLoad && best !== null && userId < best)) {
      best = userId;
      bestLoad = load;
    }
  }
  return best;
}

/** The grid's workers on duty now, each once. */
export function gridWorkersOnDuty(slots: readonly RosterSlot[], gridId: number, at: WeekMinute): number[] {
  return [...new Set(slots.filter((s) => !s.isDispatcher && s.gridId === gridId && slotCovers(s, at)).map((s) => s.userId))];
}

/** The community's dispatchers a case may go to: those on duty now, or failing them every one on its roster. */
export function dispatcherCandidates(slots: readonly RosterSlot[], communityId: number, at: WeekMinute): number[] {
  const dispatchers = slots.filter((s) => s.isDispatcher && s.communityId === communityId);
  const onDuty = dispatchers.filter((s) => slotCovers(s, at));
  return [...new Set((onDuty.length ? onDuty : dispatchers).map((s) => s.userId))];
}

/** The grid worker on duty in the grid now with the fewest open cases, or null when nobody is on duty. */
export function matchGridWorker(slots: readonly RosterSlot[], gridId: number, openCases: ReadonlyMap<number, number>, at: WeekMinute): number | null {
  return leastLoaded(gridWorkersOnDuty(slots, gridId, at), openCases);
}

/**
 * The community's dispatcher for a case nobody in the grid can take: one on duty now if any (least loaded),
 * else any dispatcher on the community's roster (they find it when their shift starts), else null.
 */
export function matchDispatcher(slots: readonly RosterSlot[], communityId: number, openCases: ReadonlyMap<number, number>, at: WeekMinute): number | null {
  return leastLoaded(dispatcherCandidates(slots, communityId, at), openCases);
}
