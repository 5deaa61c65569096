import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startPeriodicSweep } from './periodic-sweep';

describe('startPeriodicSweep', () => {
  let scheduler: SchedulerRegistry;
  let logger: Logger;
  beforeEach(() => {
    jest.useFakeTimers();
    scheduler = new SchedulerRegistry();
    logger = new Logger('test');
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    for (const name of scheduler.getIntervals()) scheduler.deleteInterval(name);
    jest.useRealTimers();
  });

  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('starts nothing at 0 seconds', () => {
    startPeriodicSweep({ name: 'off', seconds: 0, scheduler, logger, failure: 'x', ready: () => true, work: async () => undefined });
    expect(scheduler.getIntervals()).toEqual([]);
  });

  it('runs every period, never two runs at once, and skips while not ready', async () => {
    let ready = false;
    let finish: () => void = () => undefined;
    let runs = 0;
    startPeriodicSweep({
      name: 'sweep',
      seconds: 2,
      scheduler,
      logger,
      failure: 'x',
      ready: () => ready,
      work: () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    expect(scheduler.getIntervals()).toEqual(['sweep']);
    jest.advanceTimersByTime(2000);
    expect(runs).toBe(0);
    ready = true;
    jest.advanceTimersByTime(2000);
    expect(runs).toBe(1);
    // Still running: the next two periods pass it by.
    jest.advanceTimersByTime(4000);
    expect(runs).toBe(1);
    finish();
    await flush();
    jest.advanceTimersByTime(2000);
    expect(runs).toBe(2);
  });

  it('logs a failed run and goes on with the next', async () => {
    let runs = 0;
    startPeriodicSweep({
      name: 'failing',
      seconds: 1,
      scheduler,
      logger,
      failure: 'the sweep failed',
      ready: () => true,
      work: async () => {
        runs++;
        throw new Error('database gone');
      },
    });
    jest.advanceTimersByTime(1000);
    await flush();
    expect(logger.error).toHaveBeenCalledWith({ msg: 'the sweep failed', error: 'Error: database gone' });
    jest.advanceTimersByTime(1000);
    await flush();
    expect(runs).toBe(2);
  });
});
