/** What the order of reassignment candidates depends on. */
export interface RankedHandler {
  userId: number;
  onDuty: boolean;
  openCases: number;
}

/**
 * The order in which people are offered to take over a case (转派): those on duty now first, then the ones with
 * fewest open cases; ties by user id, so the same roster and loads always give the same list.
 */
export function compareHandlerCandidates(a: RankedHandler, b: RankedHandler): number {
  if (a.onDuty !== b.onDuty) return a.onDuty ? -1 : 1;
  if (a.openCases !== b.openCases) return a.openCases - b.openCases;
  return a.userId - b.userId;
}

/** A sorted copy; the input is left as it was. */
export function orderHandlerCandidates<T extends RankedHandler>(candidates: readonly T[]): T[] {
  return [...candidates].sort(compareHandlerCandidates);
}
