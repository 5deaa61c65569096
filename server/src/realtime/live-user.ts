import type { RoleGrant } from '@linli/shared';

/** Who holds a live socket: the same shape the HTTP guard attaches (grants read at connect time). */
export interface LiveUser {
  id: number;
  grants: RoleGrant[];
}

/** What the handshake leaves on `socket.data`. */
export interface LiveSocketData {
  /** null = anonymous visitor, only public rooms. */
  user: LiveUser | null;
  /** Epoch ms when the handshake token expires; the server closes the socket then (null = anonymous). */
  expiresAt: number | null;
}
