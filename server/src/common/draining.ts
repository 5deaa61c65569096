import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The process's in-flight HTTP requests, and whether it is shutting down. After SIGTERM new requests are
 * refused with 503 (a balancer sends them to another process), health says `draining`, and shutdown waits
 * for the requests already running before closing connections.
 */
@Injectable()
export class Draining {
  private inFlight = 0;
  private draining = false;
  private readonly idleWaiters: (() => void)[] = [];

  get active(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  requestStarted(): void {
    this.inFlight++;
  }

  requestEnded(): void {
    this.inFlight--;
    if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
  }

  start(): void {
    this.draining = true;
  }

  /** Resolves true once no request is in flight, false if that takes longer than `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

@Global()
@Module({ providers: [Draining], exports: [Draining] })
export class DrainingModule {}
