import { isAllowed, type GrantSummary, type MeResponse, type Role } from '@linli/shared';

/** A work area on 我的 that only some roles see. */
export interface RoleSection {
  key: 'residency-review' | 'comment-reports' | 'my-grids' | 'street-dispatch' | 'department-cases' | 'district-overview';
  title: string;
  description: string;
  /** Where the section leads; absent while the page is still to be built. */
  url?: string;
  /** Scope labels the section is about (the worker's grids, the staffer's department). */
  scopes: string[];
}

function scopesOf(grants: GrantSummary[], role: Role): string[] {
  return grants.filter((grant) => grant.role === role).map((grant) => grant.scopeLabel ?? '');
}

/** The role-aware sections of 我的, in a fixed order. Review access comes from the shared permission matrix. */
export function roleSectionsFor(me: MeResponse): RoleSection[] {
  const sections: RoleSection[] = [];
  if (isAllowed(me.grants, 'residency.review')) {
    sections.push({
      key: 'residency-review',
      title: '居民认证审核',
      description: '审核本社区居民的实名认证和房屋绑定申请',
      url: '/pages/me/residency-review/index',
      scopes: me.grants.filter((g) => g.role === 'community_committee').map((g) => g.scopeLabel ?? ''),
    });
  }
  if (isAllowed(me.grants, 'deliberation.manage')) {
    const committees = me.grants.filter((g) => g.role === 'community_committee' && g.scopeKind === 'community' && g.scopeId !== null);
    sections.push({
      key: 'comment-reports',
      title: '举报处理',
      description: '处理居民举报的议事评论：隐藏评论或驳回举报',
      // The page opens on the first community of the committee; it lets one switch between several.
      url: committees.length ? `/pages/deliberations/reports/index?communityId=${committees[0].scopeId}` : '/pages/deliberations/reports/index',
      scopes: committees.map((g) => g.scopeLabel ?? ''),
    });
  }
  const grids = scopesOf(me.grants.filter((g) => g.scopeKind !== 'street'), 'grid_worker');
  if (grids.length) sections.push({ key: 'my-grids', title: '我的网格', description: '负责网格的上报、值班和走访', url: '/pages/cases/inbox/index', scopes: grids });
  const streets = scopesOf(me.grants.filter((g) => g.scopeKind === 'street'), 'grid_worker');
  if (streets.length) {
    sections.push({ key: 'street-dispatch', title: '街道派单', description: '网格外的反映和各社区吹哨上报的案件', url: '/pages/cases/inbox/index?scope=dispatch', scopes: streets });
  }
  const departments = scopesOf(me.grants, 'department_staff');
  if (departments.length) sections.push({ key: 'department-cases', title: '部门工单', description: '转派到本部门待办理的工单', url: '/pages/cases/inbox/index?scope=department', scopes: departments });
  const district = scopesOf(me.grants, 'district_admin');
  if (district.length) sections.push({ key: 'district-overview', title: '全区概览', description: '全区上报、议事、志愿服务的总体情况', scopes: district });
  return sections;
}
