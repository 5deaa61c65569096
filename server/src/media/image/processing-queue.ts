/** The queue in front of the decoders is full: the caller should answer 503 and ask the client to retry later. */
export class ProcessingQueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`Image processing queue is full (${waiting} waiting)`);
    this.name = 'ProcessingQueueFullError';
  }
}

/**
 * At most `concurrency` tasks run at once; up to `maxWaiting` more wait their turn in arrival order; any
 * task beyond that is refused at once with ProcessingQueueFullError instead of being held in memory.
 */
export class ProcessingQueue {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a non-negative integer, got ${maxWaiting}`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.queue.length >= this.maxWaiting) throw new ProcessingQueueFullError(this.queue.length);
      // The slot is handed over by release(), so `active` never dips and lets a newcomer jump the queue.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
