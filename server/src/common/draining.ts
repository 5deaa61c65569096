import { Global, Injectable, Module } from '@nestjs/common';

/**
 * Whether the process is shutting down. After SIGTERM new requests are refused with 503 (a balancer sends them
 * to another process) and health says `draining`, while Fastify's close lets the requests already running
 * finish (it answers them with `Connection: close`) before connections, sweeps, Redis and the database close.
 */
@Injectable()
export class Draining {
  private draining = false;

  get active(): boolean {
    return this.draining;
  }

  start(): void {
    this.draining = true;
  }
}

@Global()
@Module({ providers: [Draining], exports: [Draining] })
export class DrainingModule {}
