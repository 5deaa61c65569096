import { CaseActor, CaseEvent, CaseRejectKind, CASE_ACTOR_LABELS, isOpen } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Department } from '../departments/department.entity';
import { ProblemCategory } from '../departments/problem-category.entity';
import { CaseRouter } from '../dispatch/case-router.service';
import { MediaService } from '../media/media.service';
import { PointsService } from '../points/points.service';
import { User } from '../users/user.entity';
import { CaseViewer, canViewCase, caseActorsOf } from './case-actors';
import { loadCaseParties } from './case-bundle';
import { CaseErrors } from './case-errors';
import { checkCaseMove } from './case-move-check';
import { caseInboxTargets } from './case-inbox-targets';
import { CaseLive } from './case-live';
import { TransactionRunner } from '../database/transaction-runner';
import { deadlinesFor } from './case-deadlines';
import { queueAfterReassign } from './handler-candidates';
import { HandlerCandidates } from './handler-candidates.service';
import { AuditLogEntry, Case, CaseDepartment, CaseFollower, CasePhoto, CaseTimelineEntry } from './entities';

/** Who fires the event: a signed-in user, or the system (user null) for sweeps such as auto-close. */
export interface CaseActing {
  user: CaseViewer | null;
  requestId?: string | null;
}

/** What an event carries; each event reads the fields it needs (the HTTP DTOs have already checked shapes). */
export interface CaseTransitionPayload {
  note?: string | null;
  reason?: string;
  rejectKind?: CaseRejectKind;
  duplicateOfCaseId?: number;
  departmentId?: number;
  coDepartmentIds?: number[];
  categoryId?: number;
  photoIds?: string[];
  score?: number;
  comment?: string | null;
  /** reassign: the new handler. */
  handlerUserId?: number;
  /** Refuse (409) unless the case is still at this version. */
  expectedVersion?: number;
}

export interface CaseTransitionResult {
  row: Case;
  entry: CaseTimelineEntry;
  actor: CaseActor;
  /** Pushes the live events. Call only after the transaction committed (apply() does when it owns it). */
  publish: () => void;
}

type Changes = Partial<Pick<Case,
  | 'handlerUserId' | 'leadDepartmentId' | 'queue' | 'categoryId' | 'responseDueAt' | 'resolveDueAt' | 'acceptedAt'
  | 'resolvedAt' | 'closedAt' | 'rating' | 'ratingComment' | 'rejectKind' | 'rejectReason' | 'reopenCount' | 'routedBy'
>>;

/** Points for reporting: a case taken up by a handler earns its reporter valid_report; rejecting it as invalid or duplicate takes them back. */
const REPORT_POINTS_SOURCE = 'case';

const AUDITED: (keyof Case)[] = ['status', 'handlerUserId', 'leadDepartmentId', 'queue', 'categoryId', 'reopenCount', 'rating', 'rejectKind', 'version'];

function snapshot(row: Case, departmentIds: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDITED) out[key] = row[key];
  out.departmentIds = departmentIds;
  return out;
}

/**
 * The one way a case changes status: checks the move against the shared state machine and the caller's part
 * in the case, applies the event's effects, and writes the case (guarded by its version), the timeline entry
 * and the audit row in one transaction; live events go out after commit.
 *
 * Reusable by sweeps and other features: `apply(caseId, 'auto_close', { user: null }, {})`, or pass your own
 * EntityManager to take part in a larger transaction and call `result.publish()` after it commits.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly media: MediaService,
    private readonly router: CaseRouter,
    private readonly live: CaseLive,
    private readonly points: PointsService,
    private readonly candidates: HandlerCandidates,
  ) {}

  async apply(caseId: number, event: CaseEvent, acting: CaseActing, payload: CaseTransitionPayload, manager?: EntityManager): Promise<CaseTransitionResult> {
    if (manager) return this.applyIn(manager, caseId, event, acting, payload, new Date());
    const result = await this.transactions.run((m) => this.applyIn(m, caseId, event, acting, payload, new Date()));
    result.publish();
    return result;
  }

  private async applyIn(m: EntityManager, caseId: number, event: CaseEvent, acting: CaseActing, payload: CaseTransitionPayload, now: Date): Promise<CaseTransitionResult> {
    const repo = m.getRepository(Case);
    const row = await repo.findOne({ where: { id: caseId }, ...(this.transactions.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }) });
    if (!row) throw CaseErrors.notFound();
    const { parties, departments } = await loadCaseParties(m, row);
    if (acting.user && !canViewCase(acting.user, parties)) throw CaseErrors.notVisible();
    if (payload.expectedVersion !== undefined && payload.expectedVersion !== row.version) throw CaseErrors.stale();

    const actors: CaseActor[] = acting.user ? caseActorsOf(acting.user, parties) : ['system'];
    const { transition, actor } = checkCaseMove(row, event, actors);

    const before = snapshot(row, departments.map((d) => d.departmentId));
    const userId = acting.user?.id ?? null;
    const changes: Changes = {};
    let note: string | null = payload.note ?? null;
    let data: Record<string, unknown> | null = null;
    let departmentIdsAfter = departments.map((d) => d.departmentId);
    const departmentRepo = m.getRepository(CaseDepartment);

    switch (event) {
      case 'accept':
        changes.handlerUserId = userId;
        changes.acceptedAt = now;
        break;
      case 'reject': {
        changes.rejectKind = payload.rejectKind ?? 'invalid';
        changes.rejectReason = payload.reason ?? null;
        changes.closedAt = now;
        note = payload.reason ?? null;
        data = { kind: changes.rejectKind };
        if (payload.duplicateOfCaseId !== undefined) {
          const original = await repo.findOneBy({ id: payload.duplicateOfCaseId });
          if (!original || original.id === row.id || !isOpen(original.status)) throw CaseErrors.badDuplicate();
          data = { ...data, duplicateOfCaseId: original.id, duplicateOfCode: original.code };
          // The reporter (and whoever joined) keep following the problem on the case that stays open.
          for (const followerId of [row.reporterId, ...parties.followerIds]) await addFollower(m, original.id, followerId, original.reporterId);
        }
        break;
      }
      case 'dispatch': {
        if (payload.categoryId !== undefined && payload.categoryId !== row.categoryId) {
          const category = await m.getRepository(ProblemCategory).findOneBy({ id: payload.categoryId });
          if (!category) throw CaseErrors.unknownCategory(payload.categoryId);
          changes.categoryId = category.id;
          if (row.resolveDueAt === null) Object.assign(changes, deadlinesFor(category, row.createdAt));
        }
        const categoryId = changes.categoryId ?? row.categoryId;
        const category = categoryId === null ? null : await m.getRepository(ProblemCategory).findOneBy({ id: categoryId });
        const leadId = payload.departmentId ?? category?.defaultDepartmentId;
        if (leadId === undefined) throw CaseErrors.noDepartment();
        const coIds = [...new Set(payload.coDepartmentIds ?? [])];
        if (coIds.includes(leadId)) throw CaseErrors.leadAlsoCo();
        const wanted = [leadId, ...coIds];
        const found = await m.getRepository(Department).findBy({ id: In(wanted) });
        const missing = wanted.filter((id) => !found.some((d) => d.id === id));
        if (missing.length) throw CaseErrors.unknownDepartments(missing);
        await departmentRepo.delete({ caseId: row.id });
        await departmentRepo.insert(wanted.map((departmentId, i) => ({ caseId: row.id, departmentId, role: i === 0 ? ('lead' as const) : ('co' as const) })));
        departmentIdsAfter = wanted;
        changes.leadDepartmentId = leadId;
        if (row.handlerUserId === null && actor !== 'supervisor') changes.handlerUserId = userId;
        if (row.acceptedAt === null) changes.acceptedAt = now;
        const byId = new Map(found.map((d) => [d.id, d.name]));
        data = { departmentId: leadId, departmentName: byId.get(leadId), coDepartments: coIds.map((id) => ({ id, name: byId.get(id) })) };
        break;
      }
      case 'return':
        note = payload.reason ?? null;
        data = { departmentId: row.leadDepartmentId };
        await departmentRepo.delete({ caseId: row.id });
        departmentIdsAfter = [];
        changes.leadDepartmentId = null;
        break;
      case 'start':
        if (actor === 'grid_worker' || actor === 'supervisor') changes.handlerUserId = userId;
        break;
      case 'resolve': {
        const photoIds = payload.photoIds ?? [];
        const claimed = await this.media.claimPhotos(userId!, photoIds, 'case_after', `case:${row.id}`, m);
        const offset = await m.getRepository(CasePhoto).count({ where: { caseId: row.id, kind: 'after' } });
        await m.getRepository(CasePhoto).insert(claimed.map((file, i) => ({ caseId: row.id, mediaId: file.id, kind: 'after' as const, position: offset + i })));
        changes.resolvedAt = now;
        data = { photoIds: claimed.map((f) => f.id) };
        break;
      }
      case 'rate_satisfied':
      case 'rate_unsatisfied':
        changes.rating = payload.score ?? null;
        changes.ratingComment = payload.comment ?? null;
        note = payload.comment ?? null;
        data = { score: payload.score };
        if (transition.to === 'closed') changes.closedAt = now;
        if (transition.to === 'reopened') {
          // Unsatisfied: back to the handler's supervisor — the community's dispatcher (and committee).
          changes.reopenCount = row.reopenCount + 1;
          changes.resolvedAt = null;
          changes.leadDepartmentId = null;
          await departmentRepo.delete({ caseId: row.id });
          departmentIdsAfter = [];
          if (row.communityId !== null) {
            changes.queue = 'community_dispatch';
            changes.handlerUserId = await this.router.communityDispatcher(m, row.communityId, now);
          }
        }
        break;
      case 'escalate':
        data = { by: CASE_ACTOR_LABELS[actor] };
        break;
      case 'reassign': {
        const handlerUserId = payload.handlerUserId;
        if (handlerUserId === undefined) throw CaseErrors.noHandlerChosen();
        if (handlerUserId === row.handlerUserId) throw CaseErrors.alreadyHandler(handlerUserId);
        const seat = await this.candidates.seatOf(m, row, handlerUserId);
        if (!seat) throw CaseErrors.notAHandlerCandidate(handlerUserId);
        const handler = await m.getRepository(User).findOneOrFail({ where: { id: handlerUserId }, select: { id: true, name: true } });
        changes.handlerUserId = handlerUserId;
        changes.queue = queueAfterReassign(row, seat);
        data = { handlerUserId, handlerName: handler.name };
        break;
      }
      case 'auto_close':
        changes.closedAt = now;
        break;
    }

    const seq = row.timelineSeq + 1;
    const updated = await repo
      .createQueryBuilder()
      .update(Case)
      .set({ ...changes, status: transition.to, timelineSeq: seq, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (updated.affected !== 1) throw CaseErrors.stale();
    const after = await repo.findOneByOrFail({ id: row.id });
    await this.settleReportPoints(m, row, after, event, userId, now);

    const entry = await m.getRepository(CaseTimelineEntry).save(
      m.getRepository(CaseTimelineEntry).create({
        caseId: row.id,
        seq,
        event,
        fromStatus: row.status,
        toStatus: transition.to,
        actorUserId: userId,
        actorRole: actor,
        note,
        data,
      }),
    );
    const afterSnapshot = snapshot(after, departmentIdsAfter);
    const audit = await m.getRepository(AuditLogEntry).save(
      m.getRepository(AuditLogEntry).create({
        entity: 'case',
        entityId: String(row.id),
        action: event,
        actorUserId: userId,
        before,
        after: afterSnapshot,
        requestId: acting.requestId ?? null,
      }),
    );

    // Whose inboxes hear of it: read from the audit row, by the rule a reconnecting inbox catches up with.
    const targets = caseInboxTargets({ action: event, before, after: afterSnapshot, communityId: after.communityId, streetId: after.streetId });
    return { row: after, entry, actor, publish: () => this.live.announce(after, entry, audit.id, targets) };
  }

  /** In the transition's transaction, so the points stand or fall with the acceptance or rejection. */
  private async settleReportPoints(m: EntityManager, before: Case, after: Case, event: CaseEvent, actingUserId: number | null, now: Date): Promise<void> {
    const takenUp = before.acceptedAt === null && after.acceptedAt !== null;
    if (takenUp && actingUserId !== null && actingUserId !== before.reporterId) {
      await this.points.award(m, {
        userId: before.reporterId,
        communityId: before.communityId,
        ruleCode: 'valid_report',
        quantity: 1,
        sourceType: REPORT_POINTS_SOURCE,
        sourceId: before.id,
        now,
      });
    }
    if (event === 'reject') await this.points.reverseSource(m, REPORT_POINTS_SOURCE, before.id, now);
  }
}

/** Adds a follower unless already following (or the reporter of that case). */
export async function addFollower(m: EntityManager, caseId: number, userId: number, reporterId: number): Promise<void> {
  if (userId === reporterId) return;
  const repo = m.getRepository(CaseFollower);
  if (await repo.existsBy({ caseId, userId })) return;
  await repo.insert({ caseId, userId });
}
