import { Global, Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BacklogProviderRegistry } from './backlog-provider.registry';
import { LiveDelivery } from './live-delivery';
import { LivePublisher } from './live-publisher';
import { LiveRedisAdapter } from './live-redis-adapter';
import { LiveSocketAuthenticator } from './live-socket-authenticator';
import { LiveGateway } from './live.gateway';
import { ownInboxAuthorizer, RoomAuthorizerRegistry } from './room-authorizer.registry';

/**
 * Live updates over socket.io. Features inject LivePublisher to push events after commit, and register
 * an authoriser (RoomAuthorizerRegistry) and a backlog provider (BacklogProviderRegistry) for each room
 * kind they own, typically in their module's onModuleInit.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [
    RoomAuthorizerRegistry,
    BacklogProviderRegistry,
    LiveDelivery,
    LivePublisher,
    LiveRedisAdapter,
    LiveSocketAuthenticator,
    LiveGateway,
  ],
  exports: [RoomAuthorizerRegistry, BacklogProviderRegistry, LivePublisher],
})
export class RealtimeModule implements OnModuleInit {
  constructor(private readonly authorizers: RoomAuthorizerRegistry) {}

  onModuleInit(): void {
    this.authorizers.register('inbox:user', ownInboxAuthorizer);
  }
}
