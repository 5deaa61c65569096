/**
 * Small factories shared by the deadline-sweep, outcomes, points and figures tests: a grid of our own (away
 * from the seeded district) with a worker on duty, a community dispatcher and a committee member, and reports
 * filed through the real intake service (no photos; the outcomes test uploads its own).
 */
import type { RoleGrant } from '@linli/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseIntake } from '../../server/src/cases/case-intake.service';
import { CaseTransitions, CaseTransitionPayload } from '../../server/src/cases/case-transitions.service';
import { CaseSweepReport } from '../../server/src/cases/sla-sweep.service';
import type { CaseEvent } from '@linli/shared';
import { Department } from '../../server/src/departments/department.entity';
import { ProblemCategory } from '../../server/src/departments/problem-category.entity';
import { DutyShift } from '../../server/src/dispatch/duty-shift.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import { User } from '../../server/src/users/user.entity';
import { createOrgTree, createUser, OrgTree, squareAround } from './support/factories';
import { SecondServer } from './support/second-server';
import type { TestApp } from './support/test-app';

/** One square of ~200 m per world, far from the seeded district and from the other case tests' areas. */
let area = 0;

export interface SlaWorld extends OrgTree {
  centre: { lng: number; lat: number };
  worker: User;
  dispatcher: User;
  committee: User;
  grants: { worker: RoleGrant[]; dispatcher: RoleGrant[]; committee: RoleGrant[] };
}

export async function createSlaWorld(ds: DataSource, opts: Parameters<typeof createOrgTree>[1] = {}): Promise<SlaWorld> {
  const tree = await createOrgTree(ds, opts);
  area += 1;
  const centre = { lng: 114.2 + (area % 40) * 0.01 + (process.pid % 7) * 0.4, lat: 22.6 + Math.floor(area / 40) * 0.01 };
  await ds.getRepository(Grid).update(tree.grid.id, squareAround(centre.lng, centre.lat));
  const grants = {
    worker: [{ role: 'grid_worker', scopeKind: 'grid', scopeId: tree.grid.id }] as RoleGrant[],
    dispatcher: [{ role: 'grid_worker', scopeKind: 'community', scopeId: tree.community.id }] as RoleGrant[],
    committee: [{ role: 'community_committee', scopeKind: 'community', scopeId: tree.community.id }] as RoleGrant[],
  };
  const worker = await createUser(ds, { name: '网格员小叶', grants: grants.worker });
  const dispatcher = await createUser(ds, { name: '派单员老谭', grants: grants.dispatcher });
  const committee = await createUser(ds, { name: '居委何主任', grants: grants.committee });
  const shifts = ds.getRepository(DutyShift);
  for (let weekday = 0; weekday < 7; weekday++) {
    await shifts.insert({ gridId: tree.grid.id, communityId: tree.community.id, userId: worker.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: false });
    await shifts.insert({ gridId: null, communityId: tree.community.id, userId: dispatcher.id, weekday, startMinute: 0, endMinute: 1440, isDispatcher: true });
  }
  return { ...tree, centre, worker, dispatcher, committee, grants };
}

export async function seededCategory(ds: DataSource, code = 'street-vending'): Promise<{ category: ProblemCategory; department: Department; staff: User }> {
  const category = await ds.getRepository(ProblemCategory).findOneByOrFail({ code });
  const department = await ds.getRepository(Department).findOneByOrFail({ id: category.defaultDepartmentId });
  const staff = await ds.getRepository(User).findOneByOrFail({ seedKey: `staff-${department.code}` });
  return { category, department, staff };
}

/** A report in the middle of the world's grid, through the real intake (routing, deadlines, timeline). */
export async function fileReport(t: TestApp, world: SlaWorld, reporterId: number, categoryId: number): Promise<number> {
  const outcome = await t.app.get(CaseIntake).submit(reporterId, {
    clientKey: randomUUID(),
    photoIds: [],
    ...world.centre,
    address: '测试路 8 号',
    description: '路口有流动摊贩占道摆摊，行人只能走机动车道',
    categoryId,
  });
  return outcome.caseId;
}

/** Fires an event as a user with the given grants, through the one transition service. */
export function fire(t: TestApp, caseId: number, event: CaseEvent, user: { id: number; grants: RoleGrant[] } | null, payload: CaseTransitionPayload = {}) {
  return t.app.get(CaseTransitions).apply(caseId, event, { user }, payload);
}

export const HOUR_MS = 3_600_000;

/** A second server process on the same database that runs the deadline sweep when told to. */
export class SweepingProcess {
  private constructor(private readonly server: SecondServer) {}

  static async start(databaseUrl: string): Promise<SweepingProcess> {
    const commands = `(app, load) => {
      const sweep = app.get(load('server/src/cases/sla-sweep.service.ts').CaseSlaSweep);
      return { sweep: (at) => sweep.sweepOnce(new Date(at)) };
    }`;
    return new SweepingProcess(await SecondServer.start({ databaseUrl }, commands));
  }

  sweep(at: Date): Promise<CaseSweepReport> {
    return this.server.ask<CaseSweepReport>('sweep', at.toISOString());
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
