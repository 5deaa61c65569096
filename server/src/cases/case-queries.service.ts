import { CaseActor, CaseDetail, CaseInboxItem, CaseMineItem, caseViewKind, CaseView, CaseInboxScope, CasePage, CaseStatus, CaseSummary, CASE_PAGE_SIZE_DEFAULT } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { ProblemCategory } from '../departments/problem-category.entity';
import { CaseViewer, caseActorsOf, seesWholeCase } from './case-actors';
import { loadCaseBundle, loadCaseParties, loadCasePlaceNames, partiesOf } from './case-bundle';
import { CaseErrors } from './case-errors';
import { availableActionsFor, toCaseDetail, toCasePublicSummary, toCasePublicView, toCaseSummary } from './case-views';
import { Case, CaseDepartment, CaseFollower, CasePhoto } from './entities';

/** Statuses that wait for a handler (resolved waits for the resident, closed and rejected for nobody). */
const HANDLER_STATUSES: CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'returned', 'reopened'];
const DEPARTMENT_STATUSES: CaseStatus[] = ['dispatched', 'in_progress'];

export interface PageInput {
  page?: number;
  pageSize?: number;
}

/** Read side of cases: one case's page, the resident's own list, a handler's inbox. */
@Injectable()
export class CaseQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole case, for those who see it whole (its reporter, handlers, supervisors). `justActed`: the viewer has
   * just fired an event on it, so they see the outcome even when that event ended their part (a department
   * returning the case).
   */
  async detail(viewer: CaseViewer, caseId: number, justActed = false): Promise<CaseDetail> {
    const m = this.dataSource.manager;
    const row = await m.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw CaseErrors.notFound();
    const { parties } = await loadCaseParties(m, row);
    if (!justActed && !seesWholeCase(viewer, parties)) throw CaseErrors.notVisible();
    return toCaseDetail(await loadCaseBundle(m, row), viewer);
  }

  /** One case's page as this viewer may see it: the whole case, its public view for a follower, or not found. */
  async view(viewer: CaseViewer, caseId: number): Promise<CaseView> {
    const m = this.dataSource.manager;
    const row = await m.getRepository(Case).findOneBy({ id: caseId });
    if (!row) throw CaseErrors.notFound();
    const { parties } = await loadCaseParties(m, row);
    const kind = caseViewKind({ seesWholeCase: seesWholeCase(viewer, parties), isFollower: parties.followerIds.includes(viewer.id) });
    if (kind === 'none') throw CaseErrors.notVisible();
    const [bundle, place] = await Promise.all([loadCaseBundle(m, row), kind === 'public' ? loadCasePlaceNames(m, row) : null]);
    return place ? toCasePublicView(bundle, place, viewer) : toCaseDetail(bundle, viewer);
  }

  /** Cases I reported or joined, latest activity first; a joined one as its public cut, like its page. */
  async mine(viewer: CaseViewer, paging: PageInput): Promise<CasePage<CaseMineItem>> {
    const { page, pageSize } = pageOf(paging);
    const qb = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .where(
        new Brackets((w) =>
          w.where('c.reporter_id = :me', { me: viewer.id }).orWhere('c.id IN (SELECT f.case_id FROM case_followers f WHERE f.user_id = :me)', { me: viewer.id }),
        ),
      )
      .orderBy('c.updatedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const summaries = await this.summaries(rows);
    const items = rows.map((row, i): CaseMineItem => (row.reporterId === viewer.id ? { view: 'full', ...summaries[i] } : toCasePublicSummary(summaries[i])));
    return { items, total, page, pageSize };
  }

  /**
   * What the caller has to handle: cases assigned to them, their community's (or district's) dispatch queue,
   * their department's cases. Oldest first, so what has waited longest is on top.
   */
  async inbox(viewer: CaseViewer, scope: CaseInboxScope | undefined, paging: PageInput): Promise<CasePage<CaseInboxItem>> {
    const { page, pageSize } = pageOf(paging);
    const dispatchCommunities = scoped(viewer, 'grid_worker', 'community');
    const dispatchStreets = scoped(viewer, 'grid_worker', 'street');
    const supervisedCommunities = scoped(viewer, 'community_committee', 'community');
    const districts = scoped(viewer, 'district_admin', 'district');
    const departments = scoped(viewer, 'department_staff', 'department');

    const qb = this.dataSource.getRepository(Case).createQueryBuilder('c');
    const clauses: string[] = [];
    const params: Record<string, unknown> = { me: viewer.id, handlerStatuses: HANDLER_STATUSES, departmentStatuses: DEPARTMENT_STATUSES };
    const want = (s: CaseInboxScope) => scope === undefined || scope === s;
    if (want('assigned')) clauses.push('(c.handler_user_id = :me AND c.status IN (:...handlerStatuses))');
    if (want('dispatch')) {
      if (dispatchCommunities.length) {
        clauses.push(`(c.community_id IN (:...dispatchCommunities) AND c.queue = 'community_dispatch' AND c.status IN (:...handlerStatuses))`);
        params.dispatchCommunities = dispatchCommunities;
      }
      if (dispatchStreets.length) {
        // The street office: its own queue (points outside every grid near it) and every open case in the street
        // someone blew the whistle on (吹哨), until it is resolved.
        clauses.push(
          `(c.street_id IN (:...dispatchStreets) AND c.status IN (:...handlerStatuses) AND (c.queue = 'street_dispatch' OR EXISTS (SELECT 1 FROM case_timeline t WHERE t.case_id = c.id AND t.event = 'escalate')))`,
        );
        params.dispatchStreets = dispatchStreets;
      }
      if (supervisedCommunities.length) {
        clauses.push(`(c.community_id IN (:...supervisedCommunities) AND c.status = 'reopened')`);
        params.supervisedCommunities = supervisedCommunities;
      }
      if (districts.length) {
        clauses.push(`(c.district_id IN (:...districts) AND c.queue IN ('street_dispatch', 'district_dispatch') AND c.status IN (:...handlerStatuses))`);
        params.districts = districts;
      }
    }
    if (want('department') && departments.length) {
      clauses.push('(c.id IN (SELECT d.case_id FROM case_departments d WHERE d.department_id IN (:...departments)) AND c.status IN (:...departmentStatuses))');
      params.departments = departments;
    }
    if (clauses.length === 0) return { items: [], total: 0, page, pageSize };
    const [rows, total] = await qb
      .where(`(${clauses.join(' OR ')})`, params)
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();

    const summaries = await this.summaries(rows);
    const links = rows.length ? await this.dataSource.getRepository(CaseDepartment).find({ where: { caseId: In(rows.map((r) => r.id)) } }) : [];
    const now = Date.now();
    const items = rows.map((row, i): CaseInboxItem => {
      const caseLinks = links.filter((l) => l.caseId === row.id);
      const actors = caseActorsOf(viewer, partiesOf(row, [], caseLinks));
      const inScope: CaseInboxScope =
        row.handlerUserId === viewer.id ? 'assigned' : caseLinks.some((l) => departments.includes(l.departmentId)) ? 'department' : 'dispatch';
      const handling = actors.filter((a) => a !== 'reporter');
      const due = row.acceptedAt === null ? row.responseDueAt : row.resolveDueAt;
      return {
        ...summaries[i],
        scope: inScope,
        myActor: (handling[0] ?? 'supervisor') as CaseActor,
        availableActions: availableActionsFor(row, handling),
        overdue: due !== null && new Date(due).getTime() < now,
      };
    });
    return { items, total, page, pageSize };
  }

  private async summaries(rows: Case[]): Promise<CaseSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const categoryIds = [...new Set(rows.map((r) => r.categoryId).filter((id): id is number => id !== null))];
    const [thumbs, followers, categories] = await Promise.all([
      this.dataSource.getRepository(CasePhoto).find({ where: { caseId: In(ids), kind: 'before', position: 0 } }),
      this.dataSource.getRepository(CaseFollower).find({ where: { caseId: In(ids) }, select: { caseId: true } }),
      categoryIds.length ? this.dataSource.getRepository(ProblemCategory).find({ where: { id: In(categoryIds) }, select: { id: true, name: true } }) : [],
    ]);
    return rows.map((row) =>
      toCaseSummary(row, {
        categoryName: categories.find((c) => c.id === row.categoryId)?.name ?? null,
        thumbMediaId: thumbs.find((t) => t.caseId === row.id)?.mediaId ?? null,
        followerCount: followers.filter((f) => f.caseId === row.id).length,
      }),
    );
  }
}

function pageOf(paging: PageInput): { page: number; pageSize: number } {
  return { page: paging.page ?? 1, pageSize: paging.pageSize ?? CASE_PAGE_SIZE_DEFAULT };
}

function scoped(viewer: CaseViewer, role: string, scopeKind: string): number[] {
  return viewer.grants.filter((g) => g.role === role && g.scopeKind === scopeKind && g.scopeId !== null).map((g) => g.scopeId!);
}
