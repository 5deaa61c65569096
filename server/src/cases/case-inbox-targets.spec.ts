import { caseInboxTargets } from './case-inbox-targets';

describe('caseInboxTargets', () => {
  it('tells the worker a report was routed to, and nobody else', () => {
    expect(caseInboxTargets({ action: 'submit', before: null, after: { status: 'submitted', queue: 'grid', handlerUserId: 7 }, communityId: 3, streetId: 2 })).toEqual({
      userIds: [7],
      departmentIds: [],
      communityIds: [],
      streetIds: [],
    });
  });

  it('tells the community’s dispatchers about a report nobody could be found for', () => {
    expect(caseInboxTargets({ action: 'submit', before: null, after: { status: 'submitted', queue: 'community_dispatch', handlerUserId: null }, communityId: 3, streetId: 2 })).toEqual({
      userIds: [],
      departmentIds: [],
      communityIds: [3],
      streetIds: [],
    });
    // Outside every grid there is no community inbox to tell.
    expect(caseInboxTargets({ action: 'submit', before: null, after: { status: 'submitted', queue: 'street_dispatch', handlerUserId: null }, communityId: null, streetId: null }).communityIds).toEqual([]);
  });

  it('tells both the old and the new handler, and every department before and after a dispatch', () => {
    const targets = caseInboxTargets({
      action: 'dispatch',
      before: { status: 'accepted', queue: 'grid', handlerUserId: 7, leadDepartmentId: null, departmentIds: [] },
      after: { status: 'dispatched', queue: 'grid', handlerUserId: 9, leadDepartmentId: 4, departmentIds: [4, 5] },
      communityId: 3,
      streetId: 2,
    });
    expect(targets).toEqual({ userIds: [7, 9], departmentIds: [4, 5], communityIds: [], streetIds: [] });
  });

  it('brings the community in when a case leaves or enters its dispatch queue, is reopened, or someone blows the whistle', () => {
    const base = { status: 'accepted', queue: 'grid', handlerUserId: 7, departmentIds: [] };
    const community = (action: string, before: object, after: object) => caseInboxTargets({ action, before: { ...base, ...before }, after: { ...base, ...after }, communityId: 3, streetId: 2 }).communityIds;
    expect(community('accept', { queue: 'community_dispatch' }, {})).toEqual([3]);
    expect(community('rate_unsatisfied', { status: 'resolved' }, { status: 'reopened' })).toEqual([3]);
    expect(community('escalate', {}, {})).toEqual([3]);
    expect(community('start', {}, { status: 'in_progress' })).toEqual([]);
  });

  it('reads a deadline reminder: the handler and the lead department, the community when nobody holds the case', () => {
    expect(caseInboxTargets({ action: 'remind_response', before: null, after: { status: 'submitted', queue: 'grid', handlerUserId: 7, leadDepartmentId: 4 }, communityId: 3, streetId: 2 })).toEqual({
      userIds: [7],
      departmentIds: [4],
      communityIds: [],
      streetIds: [],
    });
    expect(caseInboxTargets({ action: 'remind_response', before: null, after: { status: 'submitted', queue: 'grid', handlerUserId: null }, communityId: 3, streetId: 2 }).communityIds).toEqual([3]);
  });

  it('ignores what is not an id in a snapshot', () => {
    expect(caseInboxTargets({ action: 'accept', before: { handlerUserId: '7', departmentIds: ['x', 2.5] }, after: { handlerUserId: 8, departmentIds: null }, communityId: null, streetId: null })).toEqual({
      userIds: [8],
      departmentIds: [],
      communityIds: [],
      streetIds: [],
    });
  });

  it('tells the street office about its own dispatch queue and about every whistle (吹哨) in the street', () => {
    const outside = caseInboxTargets({ action: 'submit', before: null, after: { status: 'submitted', queue: 'street_dispatch', handlerUserId: null }, communityId: null, streetId: 2 });
    expect(outside).toEqual({ userIds: [], departmentIds: [], communityIds: [], streetIds: [2] });
    const base = { status: 'accepted', queue: 'grid', handlerUserId: 7, departmentIds: [] };
    expect(caseInboxTargets({ action: 'escalate', before: base, after: base, communityId: 3, streetId: 2 }).streetIds).toEqual([2]);
    expect(caseInboxTargets({ action: 'accept', before: { ...base, queue: 'street_dispatch' }, after: base, communityId: null, streetId: 2 }).streetIds).toEqual([2]);
    expect(caseInboxTargets({ action: 'start', before: base, after: { ...base, status: 'in_progress' }, communityId: 3, streetId: 2 }).streetIds).toEqual([]);
    // Far from every grid: the district's queue, no street to tell.
    expect(caseInboxTargets({ action: 'escalate', before: base, after: base, communityId: null, streetId: null }).streetIds).toEqual([]);
  });
});
