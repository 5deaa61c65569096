import { exclusiveAreaProblem, normaliseAddressPart } from './residency-rules';

describe('exclusiveAreaProblem', () => {
  it('requires an owner to give a positive exclusive area', () => {
    expect(exclusiveAreaProblem('owner', 89.37)).toBeNull();
    expect(exclusiveAreaProblem('owner', undefined)).toMatch(/业主/);
    expect(exclusiveAreaProblem('owner', 0)).toMatch(/大于 0/);
    expect(exclusiveAreaProblem('owner', -5)).toMatch(/大于 0/);
  });

  it('refuses an area from tenants and family members', () => {
    expect(exclusiveAreaProblem('tenant', 50)).toMatch(/只有业主/);
    expect(exclusiveAreaProblem('family', 50)).toMatch(/只有业主/);
    expect(exclusiveAreaProblem('tenant', undefined)).toBeNull();
    expect(exclusiveAreaProblem('family', null)).toBeNull();
  });
});

describe('normaliseAddressPart', () => {
  it('folds full-width digits and strips spaces so one flat has one address', () => {
    expect(normaliseAddressPart(' ３栋 ')).toBe('3栋');
    expect(normaliseAddressPart('12 03')).toBe('1203');
  });
});
