import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { isAllowed, rolesFor } from '@linli/shared';
import { ApiException } from '../common/api-exception';
import { OrgLocator } from '../grids/org-locator.service';
import type { AuthedRequest } from './auth-user';
import { PERMISSION_KEY, PermissionRequirement } from './permission.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { effectiveGrants } from './signed-in-grants';

/**
 * Global guard #2: may this caller take this action here? Checks @Permission against the shared
 * matrix. A route that declares neither @Permission nor @Public is refused, so nothing is open by
 * accident.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly orgLocator: OrgLocator,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** What each route handler declares, read from its metadata once. */
  private readonly declared = new WeakMap<object, { isPublic: boolean; requirement: PermissionRequirement | undefined }>();

  /** Synchronous for public routes: no promise for nothing to wait on. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const { isPublic, requirement } = this.declarationOf(context);
    if (isPublic) return true;
    return this.check(context, requirement);
  }

  private declarationOf(context: ExecutionContext): { isPublic: boolean; requirement: PermissionRequirement | undefined } {
    const handler = context.getHandler();
    let declared = this.declared.get(handler);
    if (!declared) {
      const targets = [handler, context.getClass()];
      declared = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) === true,
        requirement: this.reflector.getAllAndOverride<PermissionRequirement | undefined>(PERMISSION_KEY, targets),
      };
      this.declared.set(handler, declared);
    }
    return declared;
  }

  private async check(context: ExecutionContext, requirement: PermissionRequirement | undefined): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    if (!requirement) {
      this.logger.error({ route: `${req.method} ${req.routeOptions?.url ?? req.url}` }, 'route declares no permission; refused');
      throw new ApiException(403, 'forbidden', '您没有权限进行此操作');
    }

    const { action, locate } = requirement;
    const grants = req.user ? effectiveGrants(req.user.grants) : [];
    if (!req.user && !rolesFor(action).includes('visitor')) {
      throw new ApiException(401, 'unauthenticated', '请先登录');
    }
    // Without the role at all there is nothing to locate; answering 403 first also avoids revealing
    // whether the resource exists.
    if (!isAllowed(grants, action)) throw new ApiException(403, 'forbidden', '您没有权限进行此操作');
    if (!locate) return true;

    const location = await locate(req, this.orgLocator, this.moduleRef);
    if (!location) throw new ApiException(404, 'not_found', '您要找的内容不存在');
    if (!isAllowed(grants, action, location)) throw new ApiException(403, 'forbidden', '这不在您负责的范围内');
    req.resourceLocation = location;
    return true;
  }
}
