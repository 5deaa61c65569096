import { Injectable } from '@nestjs/common';
import type { LiveRoomRef, Role, ScopeKind } from '@linli/shared';
import type { LiveUser } from './live-user';

/**
 * Decides whether a user may watch one room. `user` is null only for kinds registered as public.
 * Throwing counts as a refusal.
 */
export type RoomAuthorizer = (user: LiveUser | null, room: LiveRoomRef) => boolean | Promise<boolean>;

export interface RoomAuthorizerOptions {
  /** Anonymous sockets may ask (the authoriser then sees user null). Off by default. */
  public?: boolean;
}

interface Entry {
  authorize: RoomAuthorizer;
  public: boolean;
}

/**
 * One authoriser per room kind, registered by the feature that owns the kind (cases register `case`,
 * polls register `poll`, …). A kind nobody registered is refused, so a new room kind is private until
 * its feature says otherwise.
 */
@Injectable()
export class RoomAuthorizerRegistry {
  private readonly entries = new Map<string, Entry>();

  register(kind: string, authorize: RoomAuthorizer, options: RoomAuthorizerOptions = {}): void {
    if (this.entries.has(kind)) throw new Error(`a room authoriser for "${kind}" is already registered`);
    this.entries.set(kind, { authorize, public: options.public ?? false });
  }

  has(kind: string): boolean {
    return this.entries.has(kind);
  }

  async authorize(user: LiveUser | null, room: LiveRoomRef): Promise<boolean> {
    const entry = this.entries.get(room.kind);
    if (!entry) return false;
    if (!user && !entry.public) return false;
    try {
      return (await entry.authorize(user, room)) === true;
    } catch {
      return false;
    }
  }
}

/** `inbox:user:<id>` is readable by that user alone. */
export const ownInboxAuthorizer: RoomAuthorizer = (user, room) => user !== null && String(user.id) === room.id;

/**
 * An authoriser for rooms keyed by an organisational unit: anyone holding one of `roles` scoped to
 * exactly that unit (e.g. department staff for `inbox:department:<departmentId>`).
 */
export function grantHolderAuthorizer(roles: readonly Role[], scopeKind: ScopeKind): RoomAuthorizer {
  return (user, room) =>
    user !== null &&
    user.grants.some((grant) => roles.includes(grant.role) && grant.scopeKind === scopeKind && String(grant.scopeId) === room.id);
}
