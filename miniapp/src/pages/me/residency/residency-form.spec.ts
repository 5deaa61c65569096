import { EMPTY_RESIDENCY_FORM, fieldErrorsFromDetails, toResidencyApplication, type ResidencyFormState } from './residency-form';

const filled = (overrides: Partial<ResidencyFormState> = {}): ResidencyFormState => ({
  ...EMPTY_RESIDENCY_FORM,
  communityId: 4,
  building: ' 12栋 ',
  unit: '2单元',
  room: '301',
  realName: ' 陈小明 ',
  exclusiveArea: '86.456',
  ...overrides,
});

describe('toResidencyApplication', () => {
  it('sends an owner with trimmed fields and the area rounded to square centimetres', () => {
    const result = toResidencyApplication(filled());
    expect(result.application).toEqual({
      communityId: 4,
      building: '12栋',
      unit: '2单元',
      room: '301',
      relation: 'owner',
      exclusiveArea: 86.46,
      realName: '陈小明',
    });
  });

  it('leaves the exclusive area out for a tenant even if one was typed', () => {
    const result = toResidencyApplication(filled({ relation: 'tenant', exclusiveArea: '50' }));
    expect(result.application).not.toHaveProperty('exclusiveArea');
    expect(result.application?.relation).toBe('tenant');
  });

  it('asks an owner for a positive numeric area', () => {
    expect(toResidencyApplication(filled({ exclusiveArea: '' })).errors?.exclusiveArea).toBe('业主请填写专有部分面积');
    expect(toResidencyApplication(filled({ exclusiveArea: '八十' })).errors?.exclusiveArea).toMatch(/数字/);
    expect(toResidencyApplication(filled({ exclusiveArea: '-3' })).errors?.exclusiveArea).toMatch(/大于 0/);
    expect(toResidencyApplication(filled({ exclusiveArea: '10000.01' })).errors?.exclusiveArea).toMatch(/不能超过 10000/);
  });

  it('names every blank required field in Chinese and sends nothing', () => {
    const result = toResidencyApplication({ ...EMPTY_RESIDENCY_FORM, relation: 'family' });
    expect(result.application).toBeUndefined();
    expect(result.errors).toEqual({
      communityId: '请选择社区',
      building: '请填写楼栋',
      unit: '请填写单元，没有单元可填“无”',
      room: '请填写房号',
      realName: '请填写真实姓名',
    });
  });
});

describe('fieldErrorsFromDetails', () => {
  it('marks the form fields the server named with its message, and ignores fields the form does not have', () => {
    const details = [
      { field: 'room', constraints: ['isNotEmpty'], messages: ['请填写房号'] },
      { field: 'exclusiveArea', constraints: ['max'], messages: ['专有部分面积不能大于 10000'] },
      { field: 'unit', constraints: ['isString'] },
      { field: 'nickname', constraints: ['whitelistValidation'], messages: ['不支持的字段：nickname'] },
    ];
    expect(fieldErrorsFromDetails(details)).toEqual({ room: '请填写房号', exclusiveArea: '专有部分面积不能大于 10000', unit: '请检查此项' });
  });

  it('marks nothing when details are not a field list', () => {
    expect(fieldErrorsFromDetails({ residencyId: 7 })).toEqual({});
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});
