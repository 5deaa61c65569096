import { SetMetadata } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Action, ResourceLocation } from '@linli/shared';
import type { OrgLocator } from '../grids/org-locator.service';
import type { AuthedRequest } from './auth-user';

/**
 * Finds where the addressed resource sits (e.g. a `:communityId` param → its street and district).
 * Returning null means the resource does not exist (404). `moduleRef` resolves other providers
 * (a repository) for resources that are not part of the organisation tree.
 */
export type Locate = (
  req: AuthedRequest,
  orgLocator: OrgLocator,
  moduleRef: ModuleRef,
) => ResourceLocation | null | Promise<ResourceLocation | null>;

export interface PermissionRequirement {
  action: Action;
  locate?: Locate;
}

export const PERMISSION_KEY = 'linli:permission';

/**
 * Declares the action a route performs; the global PermissionGuard checks it against the
 * permission matrix in @linli/shared. Routes with neither this nor @Public() are refused.
 */
export const Permission = (action: Action, locate?: Locate) =>
  SetMetadata(PERMISSION_KEY, { action, locate } satisfies PermissionRequirement);

/** Common locator: the community named by a route parameter (default `:communityId`). */
export const communityFromParam =
  (param = 'communityId'): Locate =>
  (req, orgLocator) => {
    const id = Number(req.params[param]);
    return Number.isInteger(id) && id > 0 ? orgLocator.locateCommunity(id) : null;
  };

/** Common locator: the grid named by a route parameter (default `:gridId`). */
export const gridFromParam =
  (param = 'gridId'): Locate =>
  (req, orgLocator) => {
    const id = Number(req.params[param]);
    return Number.isInteger(id) && id > 0 ? orgLocator.locateGrid(id) : null;
  };
