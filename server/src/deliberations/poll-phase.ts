import type { DeliberationPollStatus } from '@linli/shared';

/**
 * Where a poll stands at `now`. A poll is stored open from creation; before opensAt it shows as scheduled,
 * and from closesAt it is past its window even before the close job has counted it (ballots are refused).
 */
export function pollPhase(poll: { status: 'open' | 'closed'; opensAt: Date; closesAt: Date }, now: Date): DeliberationPollStatus {
  if (poll.status === 'closed') return 'closed';
  if (now.getTime() < poll.opensAt.getTime()) return 'scheduled';
  if (now.getTime() >= poll.closesAt.getTime()) return 'closed';
  return 'open';
}

/** Whether a ballot cast at `now` falls inside the poll's window (opensAt inclusive, closesAt exclusive). */
export function acceptsBallotsAt(poll: { status: 'open' | 'closed'; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return pollPhase(poll, now) === 'open';
}
