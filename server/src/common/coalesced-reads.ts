/**
 * Many requests asking the database the same kind of question at once (who is this token's user, is this
 * voter in scope) get one query between them instead of one each. Reads are never shared backwards in time:
 * a key asked for while a query is already running waits for the next query, so every answer comes from a
 * read that started after it was asked for — as fresh as a read of its own (a role revoked a moment ago is
 * seen), only cheaper. While one query runs, everything asked in the meantime is collected for the next
 * (the same group-commit rhythm as the ballot intake), so under load the batch grows by itself and when
 * idle a lone key waits only for the end of the current event-loop turn.
 */
export class CoalescedReads<K, V> {
  private pending = new Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>();
  private running = false;
  private scheduled = false;

  /**
   * @param fetch answers a batch of distinct keys; a key missing from the returned map resolves undefined.
   * @param maxBatch most keys one query names (bounds the size of an `IN (...)` list).
   */
  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 500,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // After the current turn, so requests parsed in the same turn share the query.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running || this.pending.size === 0) return;
    this.running = true;
    const batch = new Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>();
    for (const [key, waiters] of this.pending) {
      if (batch.size >= this.maxBatch) break;
      batch.set(key, waiters);
    }
    for (const key of batch.keys()) this.pending.delete(key);
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    } finally {
      this.running = false;
      if (this.pending.size > 0) void this.run();
    }
  }
}
