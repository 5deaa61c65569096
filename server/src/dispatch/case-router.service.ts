import { CASE_STATUSES, isOpen } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Case } from '../cases/entities/case.entity';
import { CaseRoutingDecision, routeCase } from './case-routing';
import { matchDispatcher } from './roster-matcher';
import { DutyShift } from './duty-shift.entity';
import { shanghaiWeekMinute } from './shanghai-clock';
import type { CasePlace } from './case-location.service';

/** A handler's load: cases still waiting on handling (a resolved case waits on the resident's rating). */
const LOAD_STATUSES = CASE_STATUSES.filter((status) => isOpen(status) && status !== 'resolved');

/**
 * Reads the roster and the handlers' open-case counts and applies the forwarding rule (routeCase). Runs inside
 * the intake transaction so the loads it counts are the ones the new case is added to.
 */
@Injectable()
export class CaseRouter {
  async route(manager: EntityManager, place: CasePlace, categoryConfident: boolean, now: Date): Promise<CaseRoutingDecision> {
    const slots =
      place.communityId === null
        ? []
        : await manager.getRepository(DutyShift).find({
            where: [{ gridId: place.gridId ?? -1 }, { communityId: place.communityId, isDispatcher: true }],
          });
    const loads = await this.openCaseLoads(manager, [...new Set(slots.map((s) => s.userId))]);
    return routeCase(
      { gridId: place.gridId, communityId: place.communityId, streetId: place.streetId, categoryConfident },
      slots,
      loads,
      shanghaiWeekMinute(now),
    );
  }

  /** The community dispatcher a reopened or returned case goes back to (on duty first), or null. */
  async communityDispatcher(manager: EntityManager, communityId: number, now: Date): Promise<number | null> {
    const slots = await manager.getRepository(DutyShift).find({ where: { communityId, isDispatcher: true, gridId: IsNull() } });
    const loads = await this.openCaseLoads(manager, [...new Set(slots.map((s) => s.userId))]);
    return matchDispatcher(slots, communityId, loads, shanghaiWeekMinute(now));
  }

  /** Open cases per handler. */
  async openCaseLoads(manager: EntityManager, userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .select('c.handler_user_id', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where({ handlerUserId: In(userIds), status: In(LOAD_STATUSES) })
      .groupBy('c.handler_user_id')
      .getRawMany<{ userId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.userId), Number(r.n)]));
  }
}

