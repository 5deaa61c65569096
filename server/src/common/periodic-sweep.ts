import type { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

export interface PeriodicSweepOptions {
  /** The interval's name in the scheduler (listed there, cleared at shutdown). */
  name: string;
  /** Seconds between runs; 0 or less starts nothing. */
  seconds: number;
  scheduler: SchedulerRegistry;
  logger: Logger;
  /** What the failure log line says, e.g. 'case sweep failed'. */
  failure: string;
  /** False while the database is not (or no longer) there: the run is skipped. */
  ready: () => boolean;
  work: () => Promise<void>;
}

/**
 * Runs `work` every `seconds` in this process, one run at a time: a run still going when the next is due is not
 * overlapped (the next simply waits its turn), and a failure is logged, never thrown. Each feature's sweep makes
 * its own claims safe across processes; this only keeps one process from tripping over itself. The timer is
 * unref'd (it never holds the process open) and registered with the scheduler so shutdown clears it.
 */
export function startPeriodicSweep(options: PeriodicSweepOptions): void {
  if (options.seconds <= 0) return;
  let running = false;
  const tick = async () => {
    if (running || !options.ready()) return;
    running = true;
    try {
      await options.work();
    } catch (error) {
      options.logger.error({ msg: options.failure, error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.seconds * 1000);
  timer.unref();
  options.scheduler.addInterval(options.name, timer);
}
