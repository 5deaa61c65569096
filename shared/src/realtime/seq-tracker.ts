/**
 * The client's memory of how far each room's stream has been applied. It is what makes re-delivery
 * harmless: a reconnect replays everything after the remembered seq, and anything at or below it is a
 * duplicate to drop.
 */
export class LiveSeqTracker {
  private readonly highest = new Map<string, number>();

  /** The highest seq applied for the room, or undefined when nothing has been seen. */
  lastSeq(room: string): number | undefined {
    return this.highest.get(room);
  }

  /** Records a seq the client already has (e.g. from the HTTP load) without an event. */
  advance(room: string, seq: number): void {
    const current = this.highest.get(room);
    if (current === undefined || seq > current) this.highest.set(room, seq);
  }

  /** True (and remembered) when the event is new; false for a duplicate or an older event. */
  accept(room: string, seq: number): boolean {
    if (!Number.isFinite(seq)) return false;
    const current = this.highest.get(room);
    if (current !== undefined && seq <= current) return false;
    this.highest.set(room, seq);
    return true;
  }

  forget(room: string): void {
    this.highest.delete(room);
  }
}
