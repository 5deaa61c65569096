import type { LiveEvent } from '@linli/shared';

/**
 * What a subscribing socket is sent after its backlog was read: the stored events after `afterSeq`,
 * then the live ones that arrived while the backlog was being read, in seq order and each seq once.
 * An event can be in both lists (committed before the read, published after the join), and live events
 * can be older than the backlog's end; neither may reach the client twice or out of order.
 */
export function mergeCatchUp(afterSeq: number, backlog: readonly LiveEvent[], held: readonly LiveEvent[]): LiveEvent[] {
  const bySeq = new Map<number, LiveEvent>();
  for (const event of [...backlog, ...held]) {
    if (event.seq > afterSeq && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
