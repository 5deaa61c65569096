import { ProcessingQueue, ProcessingQueueFullError } from './processing-queue';

/** A task that runs until its test lets it finish. */
function held<T>(value: T) {
  let finish!: () => void;
  let started = false;
  const task = () => {
    started = true;
    return new Promise<T>((resolve) => (finish = () => resolve(value)));
  };
  return { task, finish: () => finish(), started: () => started };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ProcessingQueue', () => {
  it('runs at most `concurrency` tasks at once and starts the waiting ones in arrival order', async () => {
    const queue = new ProcessingQueue(2, 5);
    const tasks = [held('a'), held('b'), held('c'), held('d')];
    const results = tasks.map((t) => queue.run(t.task));
    await tick();
    expect(tasks.map((t) => t.started())).toEqual([true, true, false, false]);
    expect([queue.running, queue.waiting]).toEqual([2, 2]);

    tasks[1].finish();
    await tick();
    expect(tasks.map((t) => t.started())).toEqual([true, true, true, false]);
    expect([queue.running, queue.waiting]).toEqual([2, 1]);

    tasks[0].finish();
    tasks[2].finish();
    await tick();
    tasks[3].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('refuses a task at once when all places in the queue are taken, and takes one again when a place frees', async () => {
    const queue = new ProcessingQueue(1, 1);
    const running = held(1);
    const waiting = held(2);
    const first = queue.run(running.task);
    const second = queue.run(waiting.task);
    await expect(queue.run(async () => 3)).rejects.toBeInstanceOf(ProcessingQueueFullError);

    running.finish();
    await tick();
    const third = queue.run(async () => 3);
    waiting.finish();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 3]);
  });

  it('with no queue at all, refuses whatever comes while every slot is busy', async () => {
    const queue = new ProcessingQueue(1, 0);
    const running = held('x');
    const first = queue.run(running.task);
    await expect(queue.run(async () => 'y')).rejects.toBeInstanceOf(ProcessingQueueFullError);
    running.finish();
    expect(await first).toBe('x');
    expect(await queue.run(async () => 'z')).toBe('z');
  });

  it('frees the slot of a task that fails', async () => {
    const queue = new ProcessingQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error('undecodable')))).rejects.toThrow('undecodable');
    expect(queue.running).toBe(0);
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('refuses nonsense limits', () => {
    expect(() => new ProcessingQueue(0, 1)).toThrow(RangeError);
    expect(() => new ProcessingQueue(1, -1)).toThrow(RangeError);
  });
});
