import type { RoleGrant } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import type { ResourceLocation } from '@linli/shared';

/** Who is calling: the signed-in user and the grants loaded from the database for this request. */
export interface AuthUser {
  id: number;
  grants: RoleGrant[];
}

/** A request after the authentication guard (user null = visitor). */
export type AuthedRequest = FastifyRequest<{ Params: Record<string, string | undefined> }> & {
  user: AuthUser | null;
  /** Where the addressed resource sits, as resolved by the permission guard (if the route locates one). */
  resourceLocation?: ResourceLocation;
};
