import type { Stack } from './stack';

export interface FaultEvent {
  at: number;
  what: string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Redis stays down this long, long enough for requests and publishes to meet a missing Redis. */
const REDIS_DOWN_MS = 3000;

/**
 * The fault mode's schedule, two independent sequences (a slow restart of one does not delay the other): a quarter
 * into the run the last server process is killed with SIGKILL and started again on the same port, as a supervisor
 * would; at 55 % this run's own Redis is killed and started again. Only processes this run started are touched.
 * Resolves when both have come back.
 */
export async function injectFaults(stack: Stack, startedAt: number, durationMs: number, log: FaultEvent[]): Promise<void> {
  const note = (what: string) => log.push({ at: (Date.now() - startedAt) / 1000, what });
  const victim = stack.servers[stack.servers.length - 1];
  const killServer = async () => {
    await sleep(Math.max(0, startedAt + durationMs * 0.25 - Date.now()));
    note(`kill -9 ${victim.name} (pid ${victim.pid})`);
    await victim.kill();
    await sleep(500);
    note(`starting ${victim.name} again`);
    await victim.start();
    victim.restarts++;
    note(`${victim.name} answers health again (pid ${victim.pid})`);
  };
  const killRedis = async () => {
    await sleep(Math.max(0, startedAt + durationMs * 0.55 - Date.now()));
    note(`kill -9 redis-server :${stack.redis.port}`);
    await stack.redis.kill();
    await sleep(REDIS_DOWN_MS);
    await stack.redis.start();
    note('redis-server up again');
  };
  await Promise.all([killServer(), killRedis()]);
}
