import type { GrantSummary, MeResponse } from '@linli/shared';
import { roleSectionsFor } from './role-sections';

const withGrants = (grants: GrantSummary[]): MeResponse => ({ id: 1, name: '测试', phoneMasked: null, grants, residencies: [], community: null });

describe('roleSectionsFor', () => {
  it('gives a committee member the residency review and the reported comments of their community', () => {
    const sections = roleSectionsFor(withGrants([{ role: 'community_committee', scopeKind: 'community', scopeId: 4, scopeLabel: '洪桥街道 · 小北社区' }]));
    expect(sections).toEqual([
      expect.objectContaining({ key: 'residency-review', url: '/pages/me/residency-review/index', scopes: ['洪桥街道 · 小北社区'] }),
      expect.objectContaining({ key: 'comment-reports', title: '举报处理', url: '/pages/deliberations/reports/index?communityId=4', scopes: ['洪桥街道 · 小北社区'] }),
    ]);
  });

  it('shows the party branch no reported comments: handling them is the committee’s work', () => {
    const sections = roleSectionsFor(withGrants([{ role: 'party_branch', scopeKind: 'community', scopeId: 4, scopeLabel: '小北社区' }]));
    expect(sections.map((s) => s.key)).not.toContain('comment-reports');
  });

  it('shows a grid worker their grids and nothing a resident would not see', () => {
    const sections = roleSectionsFor(
      withGrants([
        { role: 'resident', scopeKind: 'community', scopeId: 4, scopeLabel: '小北社区' },
        { role: 'grid_worker', scopeKind: 'grid', scopeId: 31, scopeLabel: '小北社区 · 第3网格' },
        { role: 'grid_worker', scopeKind: 'grid', scopeId: 32, scopeLabel: '小北社区 · 第4网格' },
      ]),
    );
    expect(sections.map((s) => s.key)).toEqual(['my-grids']);
    expect(sections[0].scopes).toEqual(['小北社区 · 第3网格', '小北社区 · 第4网格']);
  });

  it('gives a district administrator both review and the district overview, and a resident nothing', () => {
    const admin = roleSectionsFor(withGrants([{ role: 'district_admin', scopeKind: 'district', scopeId: 1, scopeLabel: '越秀区' }]));
    expect(admin.map((s) => s.key)).toEqual(['residency-review', 'comment-reports', 'district-overview']);
    expect(admin[1].url).toBe('/pages/deliberations/reports/index');
    expect(roleSectionsFor(withGrants([{ role: 'resident', scopeKind: 'community', scopeId: 4, scopeLabel: null }]))).toEqual([]);
  });

  it('shows department staff their department work queue', () => {
    const sections = roleSectionsFor(withGrants([{ role: 'department_staff', scopeKind: 'department', scopeId: 2, scopeLabel: '区城管局' }]));
    expect(sections).toEqual([expect.objectContaining({ key: 'department-cases', title: '部门工单', scopes: ['区城管局'] })]);
  });

  it('leads grid workers to everything they handle (a community dispatcher also dispatches) and department staff to their department queue', () => {
    const worker = roleSectionsFor(withGrants([{ role: 'grid_worker', scopeKind: 'grid', scopeId: 31, scopeLabel: '第3网格' }]));
    const staff = roleSectionsFor(withGrants([{ role: 'department_staff', scopeKind: 'department', scopeId: 2, scopeLabel: '区城管局' }]));
    expect(worker[0].url).toBe('/pages/cases/inbox/index');
    expect(staff[0].url).toBe('/pages/cases/inbox/index?scope=department');
  });

  it('gives a street office’s dispatcher the street’s dispatch queue instead of grids', () => {
    const sections = roleSectionsFor(withGrants([{ role: 'grid_worker', scopeKind: 'street', scopeId: 2, scopeLabel: '洪桥街道' }]));
    expect(sections).toEqual([expect.objectContaining({ key: 'street-dispatch', title: '街道派单', url: '/pages/cases/inbox/index?scope=dispatch', scopes: ['洪桥街道'] })]);
  });
});
