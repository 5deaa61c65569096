import { ROLE_LABELS, type MeResponse, type ResidencyStatus, type RoleGrant } from '@linli/shared';
import { capabilitiesFor, type CapabilityRule } from './capabilities';

const person = (grants: RoleGrant[], residencyStatus?: ResidencyStatus): MeResponse => ({
  id: 1,
  name: '测试',
  phoneMasked: null,
  grants: grants.map((g) => ({ ...g, scopeLabel: null })),
  residencies: residencyStatus
    ? [{ id: 1, relation: 'owner', exclusiveArea: 80, status: residencyStatus, reviewNote: null, household: { id: 1, communityId: 4, communityName: '小北社区', building: '1栋', unit: '', room: '101' } }]
    : [],
  community: null,
});

const rules: CapabilityRule[] = [
  { text: '浏览议题' },
  { text: '参与讨论', signedIn: true },
  { text: '参与表决', verifiedHousehold: true },
  { text: '发起投票', roles: ['community_committee', 'district_admin'] },
];

const allowed = (me: MeResponse | null) => capabilitiesFor(rules, me, ROLE_LABELS).filter((c) => c.allowed).map((c) => c.text);

describe('capabilitiesFor', () => {
  it('lets a visitor only browse, and tells them to sign in for the rest', () => {
    const result = capabilitiesFor(rules, null, ROLE_LABELS);
    expect(allowed(null)).toEqual(['浏览议题']);
    expect(result[1].hint).toBe('登录后可用');
    expect(result[2].hint).toBe('登录并完成实名认证后可用');
  });

  it('waits for the household to be verified before voting, not merely applied for', () => {
    const resident: RoleGrant = { role: 'resident', scopeKind: 'community', scopeId: 4 };
    expect(allowed(person([resident], 'pending'))).toEqual(['浏览议题', '参与讨论']);
    expect(allowed(person([resident], 'verified'))).toEqual(['浏览议题', '参与讨论', '参与表决']);
  });

  it('names the roles that may do a role-bound thing, in Chinese', () => {
    const committee: RoleGrant = { role: 'community_committee', scopeKind: 'community', scopeId: 4 };
    expect(allowed(person([committee]))).toContain('发起投票');
    expect(capabilitiesFor(rules, person([]), ROLE_LABELS)[3].hint).toBe('社区居委会、区管理员可用');
  });
});
