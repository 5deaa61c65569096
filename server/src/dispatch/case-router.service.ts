import { CASE_STATUSES, isOpen } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CaseRoutingDecision, routeCase, routingCandidates } from './case-routing';
import { matchDispatcher, RosterSlot } from './roster-matcher';
import { DutyShift } from './duty-shift.entity';
import { shanghaiWeekMinute } from './shanghai-clock';
import type { CasePlace } from './case-location.service';

/** A handler's load: cases still waiting on handling (a resolved case waits on the resident's rating). */
const LOAD_STATUSES = CASE_STATUSES.filter((status) => isOpen(status) && status !== 'resolved');

/** One roster row as the database returns it (numbers may come back as strings, booleans as 0/1). */
interface RosterRow {
  user_id: number | string;
  grid_id: number | string | null;
  community_id: number | string | null;
  weekday: number | string;
  start_minute: number | string;
  end_minute: number | string;
  is_dispatcher: number | string | boolean;
}

/**
 * Reads the roster and, when there is a choice, the candidates' open-case counts, and applies the forwarding
 * rule (routeCase). Runs inside the intake transaction so the loads it counts are the ones the new case is
 * added to.
 */
@Injectable()
export class CaseRouter {
  async route(manager: EntityManager, place: CasePlace, categoryConfident: boolean, now: Date): Promise<CaseRoutingDecision> {
    const input = { gridId: place.gridId, communityId: place.communityId, streetId: place.streetId, categoryConfident };
    const at = shanghaiWeekMinute(now);
    const slots = place.communityId === null ? [] : await this.roster(manager, place.gridId, place.communityId);
    // Open cases are counted only when there is a choice to make (two or more candidates): usually one worker is
    // on duty in the grid, and then the count would not change the decision.
    const candidates = routingCandidates(input, slots, at);
    const loads = candidates.length > 1 ? await this.openCaseLoads(manager, candidates) : new Map<number, number>();
    return routeCase(input, slots, loads, at);
  }

  /** The community dispatcher a reopened or returned case goes back to (on duty first), or null. */
  async communityDispatcher(manager: EntityManager, communityId: number, now: Date): Promise<number | null> {
    const slots = await manager.getRepository(DutyShift).find({ where: { communityId, isDispatcher: true, gridId: IsNull() } });
    const loads = await this.openCaseLoads(manager, [...new Set(slots.map((s) => s.userId))]);
    return matchDispatcher(slots, communityId, loads, shanghaiWeekMinute(now));
  }

  /**
   * The grid's roster and the community's dispatchers. Fixed SQL with bound values: on SQLite TypeORM's find()
   * writes the ids into the SQL text, a new statement to prepare for every grid.
   */
  private async roster(manager: EntityManager, gridId: number | null, communityId: number): Promise<RosterSlot[]> {
    const rows: RosterRow[] = await manager.query(
      `SELECT user_id, grid_id, community_id, weekday, start_minute, end_minute, is_dispatcher
         FROM duty_shifts
        WHERE grid_id = ? OR (community_id = ? AND is_dispatcher = 1)`,
      [gridId ?? -1, communityId],
    );
    return rows.map((r) => ({
      userId: Number(r.user_id),
      gridId: r.grid_id === null ? null : Number(r.grid_id),
      communityId: r.community_id === null ? null : Number(r.community_id),
      weekday: Number(r.weekday),
      startMinute: Number(r.start_minute),
      endMinute: Number(r.end_minute),
      isDispatcher: Boolean(Number(r.is_dispatcher)),
    }));
  }

  /** Open cases per handler (fixed SQL for each number of handlers, values bound). */
  async openCaseLoads(manager: EntityManager, userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const rows: { user_id: number | string; n: number | string }[] = await manager.query(
      `SELECT handler_user_id AS user_id, COUNT(*) AS n FROM cases
        WHERE handler_user_id IN (${marks(userIds.length)}) AND status IN (${marks(LOAD_STATUSES.length)})
        GROUP BY handler_user_id`,
      [...userIds, ...LOAD_STATUSES],
    );
    return new Map(rows.map((r) => [Number(r.user_id), Number(r.n)]));
  }
}

