import { formatAge, formatDateTime, formatDistance, formatDuration, timelineFacts } from './case-format';

describe('case formatting', () => {
  it('writes distances in metres up close and kilometres further away', () => {
    expect(formatDistance(0.4)).toBe('1 米');
    expect(formatDistance(86.6)).toBe('87 米');
    expect(formatDistance(1540)).toBe('1.5 公里');
  });

  it('writes how long ago a report was made', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(formatAge('2026-11-23T11:59:30Z', now)).toBe('刚刚');
    expect(formatAge('2026-11-23T11:35:00Z', now)).toBe('25 分钟前');
    expect(formatAge('2026-11-23T07:00:00Z', now)).toBe('5 小时前');
    expect(formatAge('2026-11-20T11:00:00Z', now)).toBe('3 天前');
  });

  it('writes how long a case took to resolve', () => {
    expect(formatDuration('2026-11-23T08:00:00Z', '2026-11-23T08:40:00Z')).toBe('40 分钟');
    expect(formatDuration('2026-11-23T08:00:00Z', '2026-11-23T13:10:00Z')).toBe('5 小时');
    expect(formatDuration('2026-11-21T08:00:00Z', '2026-11-23T11:00:00Z')).toBe('2 天 3 小时');
    expect(formatDuration('2026-11-21T08:00:00Z', '2026-11-23T08:00:00Z')).toBe('2 天');
  });

  it('shows times on Guangzhou time whatever the zone of the phone', () => {
    expect(formatDateTime('2026-11-23T16:05:00Z')).toBe('11月24日 00:05');
  });

  it('puts a timeline entry’s facts in words', () => {
    expect(timelineFacts({ event: 'reassign', data: { handlerUserId: 9, handlerName: '网格员小郭' } })).toBe('转派给网格员小郭');
    expect(timelineFacts({ event: 'dispatch', data: { departmentId: 1, departmentName: '区城管局', coDepartments: [{ id: 2, name: '区市政局' }] } })).toBe('派至区城管局，区市政局协办');
    expect(timelineFacts({ event: 'dispatch', data: { departmentId: 1, departmentName: '区城管局', coDepartments: [] } })).toBe('派至区城管局');
    expect(timelineFacts({ event: 'reject', data: { kind: 'duplicate', duplicateOfCaseId: 3, duplicateOfCode: 'YX20261123-0003' } })).toBe('与YX20261123-0003重复');
    expect(timelineFacts({ event: 'rate_unsatisfied', data: { score: 2 } })).toBe('2 星');
    expect(timelineFacts({ event: 'accept', data: null })).toBeNull();
    expect(timelineFacts({ event: 'reassign', data: {} })).toBeNull();
  });
});
