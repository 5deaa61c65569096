import { CASE_STATUSES, isOpen } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Case } from '../cases/entities/case.entity';
import { CaseRoutingDecision, routeCase } from './case-routing';
import { matchDispatcher, RosterSlot } from './roster-matcher';
import { DutyShift } from './duty-shift.entity';
import { shanghaiWeekMinute } from './shanghai-clock';
import type { CasePlace } from './case-location.service';

/** A handler's load: cases still waiting on handling (a resolved case waits on the resident's rating). */
const LOAD_STATUSES = CASE_STATUSES.filter((status) => isOpen(status) && status !== 'resolved');

/** One roster row as the database returns it (numbers may come back as strings, booleans as 0/1). */
interface RosterRow {
  /** `slot`: a shift (the load column empty); `load`: a person's open-case count (the shift columns empty). */
  kind: 'slot' | 'load';
  user_id: number | string;
  grid_id: number | string | null;
  community_id: number | string | null;
  weekday: number | string;
  start_minute: number | string;
  end_minute: number | string;
  is_dispatcher: number | string | boolean;
  open_cases: number | string | null;
}

/**
 * Reads the roster and the handlers' open-case counts and applies the forwarding rule (routeCase). Runs inside
 * the intake transaction so the loads it counts are the ones the new case is added to.
 */
@Injectable()
export class CaseRouter {
  async route(manager: EntityManager, place: CasePlace, categoryConfident: boolean, now: Date): Promise<CaseRoutingDecision> {
    const { slots, loads } = place.communityId === null ? { slots: [], loads: new Map<number, number>() } : await this.rosterWithLoads(manager, place.gridId, place.communityId);
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

  /**
   * The grid's roster and the community's dispatchers, and the open-case count of each person on it, in one
   * round trip: the shifts, then (UNION ALL) one count row per person. Not a join of the two: MariaDB would
   * count again for every shift of the person (a lateral derived table).
   */
  async rosterWithLoads(manager: EntityManager, gridId: number | null, communityId: number): Promise<{ slots: RosterSlot[]; loads: Map<number, number> }> {
    const onRoster = (t: string) => `(${t}.grid_id = ? OR (${t}.community_id = ? AND ${t}.is_dispatcher = 1))`;
    const statuses = LOAD_STATUSES.map(() => '?').join(', ');
    const rows: RosterRow[] = await manager.query(
      `SELECT 'slot' AS kind, s.user_id AS user_id, s.grid_id AS grid_id, s.community_id AS community_id, s.weekday AS weekday,
              s.start_minute AS start_minute, s.end_minute AS end_minute, s.is_dispatcher AS is_dispatcher, NULL AS open_cases
         FROM duty_shifts s
        WHERE ${onRoster('s')}
       UNION ALL
       SELECT 'load', c.handler_user_id, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*)
         FROM cases c
        WHERE c.status IN (${statuses})
          AND c.handler_user_id IN (SELECT r.user_id FROM duty_shifts r WHERE ${onRoster('r')})
        GROUP BY c.handler_user_id`,
      [gridId ?? -1, communityId, ...LOAD_STATUSES, gridId ?? -1, communityId],
    );
    const loads = new Map<number, number>();
    const slots: RosterSlot[] = [];
    for (const r of rows) {
      if (r.kind === 'load') {
        loads.set(Number(r.user_id), Number(r.open_cases));
        continue;
      }
      slots.push({
        userId: Number(r.user_id),
        gridId: r.grid_id === null ? null : Number(r.grid_id),
        communityId: r.community_id === null ? null : Number(r.community_id),
        weekday: Number(r.weekday),
        startMinute: Number(r.start_minute),
        endMinute: Number(r.end_minute),
        isDispatcher: Boolean(Number(r.is_dispatcher)),
      });
    }
    return { slots, loads };
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

