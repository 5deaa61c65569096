import { CASE_STATUSES, isOpen } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CoalescedReads } from '../common/coalesced-reads';
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

/** Whose roster rows a report needs: the grid's, and the community's dispatchers'. */
interface RosterKey {
  gridId: number | null;
  communityId: number;
}

const ROSTER_COLUMNS = 'user_id, grid_id, community_id, weekday, start_minute, end_minute, is_dispatcher';

/**
 * Reads the roster and, when there is a choice, the candidates' open-case counts, and applies the forwarding
 * rule (routeCase). Given a transaction's manager it reads there; given none (MariaDB intake routes before
 * its transaction), the roster reads of reports arriving together are made as one query.
 */
@Injectable()
export class CaseRouter {
  /** Roster reads outside transactions, keyed `grid:community`, shared by the reports that ask at once. */
  private readonly rosterReads = new CoalescedReads<string, RosterSlot[]>((keys) => this.rosters(keys.map(parseRosterKey)));

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async route(manager: EntityManager | null, place: CasePlace, categoryConfident: boolean, now: Date): Promise<CaseRoutingDecision> {
    const input = { gridId: place.gridId, communityId: place.communityId, streetId: place.streetId, categoryConfident };
    const at = shanghaiWeekMinute(now);
    const slots =
      place.communityId === null
        ? []
        : manager
          ? await this.roster(manager, place.gridId, place.communityId)
          : ((await this.rosterReads.load(rosterKey({ gridId: place.gridId, communityId: place.communityId }))) ?? []);
    // Open cases are counted only when there is a choice to make (two or more candidates): usually one worker is
    // on duty in the grid, and then the count would not change the decision.
    const candidates = routingCandidates(input, slots, at);
    const loads = candidates.length > 1 ? await this.openCaseLoads(manager ?? this.dataSource.manager, candidates) : new Map<number, number>();
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
    const rows: RosterRow[] = await manager.query(`SELECT ${ROSTER_COLUMNS} FROM duty_shifts WHERE grid_id = ? OR (community_id = ? AND is_dispatcher = 1)`, [gridId ?? -1, communityId]);
    return rows.map(toRosterSlot);
  }

  /** Several reports' rosters in one query, then each report's share of the rows. */
  private async rosters(keys: RosterKey[]): Promise<Map<string, RosterSlot[]>> {
    const gridIds = [...new Set(keys.map((k) => k.gridId ?? -1))];
    const communityIds = [...new Set(keys.map((k) => k.communityId))];
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const rows: RosterRow[] = await this.dataSource.query(
      `SELECT ${ROSTER_COLUMNS} FROM duty_shifts WHERE grid_id IN (${marks(gridIds.length)}) OR (community_id IN (${marks(communityIds.length)}) AND is_dispatcher = 1)`,
      [...gridIds, ...communityIds],
    );
    const slots = rows.map(toRosterSlot);
    return new Map(
      keys.map((key) => [rosterKey(key), slots.filter((s) => (key.gridId !== null && s.gridId === key.gridId) || (s.communityId === key.communityId && s.isDispatcher))]),
    );
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

function rosterKey(key: RosterKey): string {
  return `${key.gridId ?? ''}:${key.communityId}`;
}

function parseRosterKey(key: string): RosterKey {
  const [grid, community] = key.split(':');
  return { gridId: grid === '' ? null : Number(grid), communityId: Number(community) };
}

function toRosterSlot(r: RosterRow): RosterSlot {
  return {
    userId: Number(r.user_id),
    gridId: r.grid_id === null ? null : Number(r.grid_id),
    communityId: r.community_id === null ? null : Number(r.community_id),
    weekday: Number(r.weekday),
    startMinute: Number(r.start_minute),
    endMinute: Number(r.end_minute),
    isDispatcher: Boolean(Number(r.is_dispatcher)),
  };
}
