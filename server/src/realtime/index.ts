export { RealtimeModule } from './realtime.module';
export { LivePublisher } from './live-publisher';
export { RoomAuthorizerRegistry, ownInboxAuthorizer, grantHolderAuthorizer } from './room-authorizer.registry';
export type { RoomAuthorizer, RoomAuthorizerOptions } from './room-authorizer.registry';
export { BacklogProviderRegistry } from './backlog-provider.registry';
export type { BacklogProvider } from './backlog-provider.registry';
export type { LiveUser } from './live-user';
