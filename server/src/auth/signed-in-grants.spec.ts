import { isAllowed } from '@linli/shared';
import { effectiveGrants, SIGNED_IN_BASELINE } from './signed-in-grants';

describe('effectiveGrants', () => {
  it('lets a freshly signed-in person without any grant read their profile and apply for a residency', () => {
    const grants = effectiveGrants([]);
    expect(isAllowed(grants, 'profile.read')).toBe(true);
    expect(isAllowed(grants, 'residency.apply')).toBe(true);
  });

  it('does not let the baseline reach into any community', () => {
    const grants = effectiveGrants([]);
    expect(isAllowed(grants, 'residency.review', { districtId: 1, streetId: 1, communityId: 1 })).toBe(false);
  });

  it('adds no baseline when the person is already a resident somewhere', () => {
    const resident = { role: 'resident' as const, scopeKind: 'community' as const, scopeId: 4 };
    expect(effectiveGrants([resident])).toEqual([resident]);
  });

  it('keeps staff grants and adds the baseline next to them', () => {
    const worker = { role: 'grid_worker' as const, scopeKind: 'grid' as const, scopeId: 9 };
    expect(effectiveGrants([worker])).toEqual([worker, SIGNED_IN_BASELINE]);
  });
});
