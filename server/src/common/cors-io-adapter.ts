import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';

/**
 * socket.io with the API's CORS rule (see cors.ts) instead of a gateway's own: its long-polling transport answers
 * browsers like any HTTP route, so it never reflects an arbitrary Origin either.
 */
export class CorsIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origin: (string | RegExp)[] | false,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, { ...options, cors: { origin: this.origin, credentials: false } } as ServerOptions);
  }
}
