import type { RoleGrant } from '@linli/shared';
import { canViewCase, caseActorsOf, CaseParties, seesWholeCase } from './case-actors';
import { availableActionsFor } from './case-views';

const grant = (role: RoleGrant['role'], scopeKind: RoleGrant['scopeKind'], scopeId: number): RoleGrant => ({ role, scopeKind, scopeId });

const parties: CaseParties = {
  reporterId: 1,
  handlerUserId: 2,
  districtId: 10,
  streetId: 20,
  communityId: 100,
  gridId: 1000,
  followerIds: [7],
  leadDepartmentId: 50,
  coDepartmentIds: [51],
};

describe('who plays which part in a case', () => {
  it('makes the reporter the reporter and nothing more', () => {
    expect(caseActorsOf({ id: 1, grants: [] }, parties)).toEqual(['reporter']);
  });

  it('treats every worker of the case’s grid, and whoever holds the case, as its grid worker', () => {
    expect(caseActorsOf({ id: 3, grants: [grant('grid_worker', 'grid', 1000)] }, parties)).toEqual(['grid_worker']);
    expect(caseActorsOf({ id: 2, grants: [] }, parties)).toEqual(['grid_worker']);
  });

  it('gives a worker of another grid no part at all', () => {
    const other = { id: 4, grants: [grant('grid_worker', 'grid', 1001)] };
    expect(caseActorsOf(other, parties)).toEqual([]);
    expect(canViewCase(other, parties)).toBe(false);
  });

  it('makes a grid worker granted the whole community its dispatcher, and a district admin dispatcher and supervisor', () => {
    expect(caseActorsOf({ id: 5, grants: [grant('grid_worker', 'community', 100)] }, parties)).toEqual(['dispatcher']);
    expect(caseActorsOf({ id: 6, grants: [grant('district_admin', 'district', 10)] }, parties)).toEqual(['dispatcher', 'supervisor']);
    expect(caseActorsOf({ id: 6, grants: [grant('district_admin', 'district', 11)] }, parties)).toEqual([]);
  });

  it('makes a grid worker granted the whole street the dispatcher of every case in the street, and of no other street', () => {
    expect(caseActorsOf({ id: 14, grants: [grant('grid_worker', 'street', 20)] }, parties)).toEqual(['dispatcher']);
    expect(caseActorsOf({ id: 14, grants: [grant('grid_worker', 'street', 20)] }, { ...parties, communityId: null, gridId: null })).toEqual(['dispatcher']);
    expect(caseActorsOf({ id: 15, grants: [grant('grid_worker', 'street', 21)] }, parties)).toEqual([]);
    expect(canViewCase({ id: 15, grants: [grant('grid_worker', 'street', 21)] }, parties)).toBe(false);
  });

  it('lets staff of the lead department act, and staff of a co-handling department only watch', () => {
    const lead = { id: 8, grants: [grant('department_staff', 'department', 50)] };
    const co = { id: 9, grants: [grant('department_staff', 'department', 51)] };
    expect(caseActorsOf(lead, parties)).toEqual(['department_staff']);
    expect(caseActorsOf(co, parties)).toEqual([]);
    expect(canViewCase(co, parties)).toBe(true);
  });

  it('lets the community’s committee supervise, but not another community’s', () => {
    expect(caseActorsOf({ id: 11, grants: [grant('community_committee', 'community', 100)] }, parties)).toEqual(['supervisor']);
    expect(canViewCase({ id: 12, grants: [grant('community_committee', 'community', 101)] }, parties)).toBe(false);
  });

  it('shows the case to residents who joined it, and to no other resident of the community', () => {
    expect(canViewCase({ id: 7, grants: [] }, parties)).toBe(true);
    expect(canViewCase({ id: 13, grants: [grant('resident', 'community', 100)] }, parties)).toBe(false);
  });

  it('shows a resident who joined the case its public view, never the whole case', () => {
    expect(seesWholeCase({ id: 7, grants: [] }, parties)).toBe(false);
    expect(seesWholeCase({ id: 7, grants: [grant('resident', 'community', 100)] }, parties)).toBe(false);
    expect(seesWholeCase({ id: 11, grants: [grant('community_committee', 'community', 100)] }, parties)).toBe(true);
  });

  it('offers the buttons of every part the person plays, rating only to the reporter of a resolved case', () => {
    expect(availableActionsFor({ status: 'submitted', reopenCount: 0 }, ['grid_worker', 'dispatcher'])).toEqual(['accept', 'reject', 'dispatch', 'reassign']);
    expect(availableActionsFor({ status: 'submitted', reopenCount: 0 }, ['grid_worker'])).toEqual(['accept', 'reject']);
    expect(availableActionsFor({ status: 'resolved', reopenCount: 0 }, ['reporter'])).toEqual(['rate']);
    expect(availableActionsFor({ status: 'resolved', reopenCount: 0 }, ['grid_worker'])).toEqual([]);
    expect(availableActionsFor({ status: 'dispatched', reopenCount: 0 }, ['department_staff'])).toEqual(['return', 'start']);
  });

  it('offers 转派 to the dispatcher and the supervisor while the case waits for a handler, and not once a department has it', () => {
    expect(availableActionsFor({ status: 'accepted', reopenCount: 0 }, ['supervisor'])).toEqual(['reassign']);
    expect(availableActionsFor({ status: 'returned', reopenCount: 0 }, ['dispatcher'])).toEqual(['dispatch', 'reassign', 'escalate']);
    expect(availableActionsFor({ status: 'reopened', reopenCount: 1 }, ['supervisor'])).toEqual(['dispatch', 'reassign', 'start']);
    expect(availableActionsFor({ status: 'dispatched', reopenCount: 0 }, ['dispatcher', 'supervisor'])).toEqual(['escalate']);
  });
});
