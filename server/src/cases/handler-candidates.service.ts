import { CaseHandlerCandidate, orderHandlerCandidates } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { CaseRouter } from '../dispatch/case-router.service';
import { DutyShift } from '../dispatch/duty-shift.entity';
import { shanghaiWeekMinute } from '../dispatch/shanghai-clock';
import { Community } from '../grids/community.entity';
import { Grid } from '../grids/grid.entity';
import { Street } from '../grids/street.entity';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import { CaseViewer, canViewCase, caseActorsOf } from './case-actors';
import { loadCaseParties } from './case-bundle';
import { CaseErrors } from './case-errors';
import { checkCaseMove } from './case-move-check';
import { Case } from './entities';
import { AreaCommunity, AreaGrid, AreaStreet, candidateAreaOf, HandlerSeat, handlerSeats, isOnDuty } from './handler-candidates';

type CasePlace = Pick<Case, 'districtId' | 'streetId' | 'communityId' | 'gridId'>;

/**
 * Who may take a case over (转派): the one reading of the rule in handler-candidates.ts, for the reassign
 * transition (is this person one of them?) and for the list a dispatcher or supervisor chooses from.
 */
@Injectable()
export class HandlerCandidates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly router: CaseRouter,
  ) {}

  /** The seat the person would take as the case's handler, or null when they may not work it. */
  async seatOf(m: EntityManager, place: CasePlace, userId: number): Promise<HandlerSeat | null> {
    return (await this.seats(m, place, userId))[0] ?? null;
  }

  /** GET /api/cases/:id/handler-candidates: for those who may reassign the case now. */
  async forCase(viewer: CaseViewer, caseId: number, now = new Date()): Promise<CaseHandlerCandidate[]> {
    const m = this.dataSource.manager;
    const row = await m.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw CaseErrors.notFound();
    const { parties } = await loadCaseParties(m, row);
    if (!canViewCase(viewer, parties)) throw CaseErrors.notVisible();
    checkCaseMove(row, 'reassign', caseActorsOf(viewer, parties));
    return this.list(m, row, now);
  }

  /** Everyone who may work the case, with name, duty, load and whether they hold it; on duty first, then least loaded. */
  async list(m: EntityManager, row: CasePlace & Pick<Case, 'handlerUserId'>, now: Date): Promise<CaseHandlerCandidate[]> {
    const seats = await this.seats(m, row);
    if (seats.length === 0) return [];
    const userIds = seats.map((s) => s.userId);
    const [users, slots, loads] = await Promise.all([
      m.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, name: true } }),
      m.getRepository(DutyShift).find({ where: { userId: In(userIds) } }),
      this.router.openCaseLoads(m, userIds),
    ]);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    const at = shanghaiWeekMinute(now);
    return orderHandlerCandidates(
      seats.map(
        (seat): CaseHandlerCandidate => ({
          ...seat,
          name: nameOf.get(seat.userId) ?? '',
          onDuty: isOnDuty(slots, seat.userId, at),
          openCases: loads.get(seat.userId) ?? 0,
          isCurrentHandler: seat.userId === row.handlerUserId,
        }),
      ),
    );
  }

  private async seats(m: EntityManager, place: CasePlace, onlyUserId?: number): Promise<HandlerSeat[]> {
    const { streets, communities } = await this.placesOf(m, place);
    const communityIds = communities.map((c) => c.id);
    const grids: AreaGrid[] = communityIds.length
      ? await m.getRepository(Grid).find({ where: { communityId: In(communityIds) }, select: { id: true, name: true, communityId: true } })
      : [];
    const user = onlyUserId === undefined ? {} : { userId: onlyUserId };
    const where: FindOptionsWhere<RoleGrant>[] = [];
    if (streets.length) where.push({ role: 'grid_worker', scopeKind: 'street', scopeId: In(streets.map((st) => st.id)), ...user });
    if (communityIds.length) where.push({ role: 'grid_worker', scopeKind: 'community', scopeId: In(communityIds), ...user });
    if (grids.length) where.push({ role: 'grid_worker', scopeKind: 'grid', scopeId: In(grids.map((g) => g.id)), ...user });
    if (where.length === 0) return [];
    const grants = await m.getRepository(RoleGrant).find({ where, select: { userId: true, scopeKind: true, scopeId: true } });
    return handlerSeats(grants, { streets, communities, grids }, place.gridId);
  }

  /**
   * The case's area: its community; else its street (the office and its communities); else its district (every
   * street office and community in it).
   */
  private async placesOf(m: EntityManager, place: CasePlace): Promise<{ streets: AreaStreet[]; communities: AreaCommunity[] }> {
    const area = candidateAreaOf(place);
    const select = { id: true, name: true } as const;
    const communities = m.getRepository(Community);
    switch (area.kind) {
      case 'community':
        return { streets: [], communities: await communities.find({ where: { id: area.id }, select }) };
      case 'street':
        return {
          streets: await m.getRepository(Street).find({ where: { id: area.id }, select }),
          communities: await communities.find({ where: { streetId: area.id }, select }),
        };
      case 'district': {
        const streets: AreaStreet[] = await m.getRepository(Street).find({ where: { districtId: area.id }, select });
        return { streets, communities: streets.length ? await communities.find({ where: { streetId: In(streets.map((st) => st.id)) }, select }) : [] };
      }
    }
  }
}
