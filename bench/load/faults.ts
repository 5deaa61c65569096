import type { Stack } from './stack';

export interface FaultEvent {
  at: number;
  what: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fault mode's schedule: a third into the run the last server process is killed with SIGKILL and started again
 * (on the same port, as a supervisor would); at 60 % this run's own Redis is killed and started again. Only
 * processes this run started are touched.
 */
export async function injectFaults(stack: Stack, startedAt: number, durationMs: number, log: FaultEvent[]): Promise<void> {
  const note = (what: string) => log.push({ at: (Date.now() - startedAt) / 1000, what });
  const victim = stack.servers[stack.servers.length - 1];

  await sleep(Math.max(0, startedAt + durationMs * 0.3 - Date.now()));
  note(`kill -9 ${victim.name} (pid ${victim.pid})`);
  await victim.kill();
  await sleep(1000);
  note(`starting ${victim.name} again`);
  await victim.start();
  victim.restarts++;
  note(`${victim.name} answers health again (pid ${victim.pid})`);

  await sleep(Math.max(0, startedAt + durationMs * 0.6 - Date.now()));
  note(`kill -9 redis-server :${stack.redis.port}`);
  await stack.redis.kill();
  await sleep(1000);
  await stack.redis.start();
  note('redis-server up again');
}
