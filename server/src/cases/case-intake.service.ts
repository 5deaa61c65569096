import { caseFollowVerdict, isCaseNeighbour, CASE_NEARBY_DEFAULT_DAYS, CASE_NEARBY_DEFAULT_RADIUS_M, CASE_NEARBY_MAX_RESULTS, CASE_STATUSES, distanceMeters, isOpen, NearbyCase, CASE_STATUS_LABELS } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { ProblemCategory } from '../departments/problem-category.entity';
import { CaseLocationService } from '../dispatch/case-location.service';
import { CaseRouter } from '../dispatch/case-router.service';
import { MediaService } from '../media/media.service';
import { mediaThumbUrl } from '../media/uploaded-photo';
import { CaseViewer, seesWholeCase } from './case-actors';
import { loadCaseParties } from './case-bundle';
import { maskPublicCaseText } from './public-text';
import { ResidentCommunities } from '../residencies/resident-communities.service';
import { CaseCategoryCatalog } from './case-category-catalog.service';
import { CaseCodeIssuer, nextCaseCode } from './case-code';
import { insertRow } from '../database/fixed-sql';
import { toWholeSecond } from './whole-second';
import { deadlinesFor } from './case-deadlines';
import { CaseErrors } from './case-errors';
import { caseInboxTargets } from './case-inbox-targets';
import { CaseLive } from './case-live';
import { TransactionRunner } from '../database/transaction-runner';
import { addFollower } from './case-transitions.service';
import { AuditLogEntry, Case, CaseFollower, CasePhoto, CaseTimelineEntry } from './entities';

const OPEN_STATUSES = CASE_STATUSES.filter(isOpen);
const DAY_MS = 24 * 60 * 60 * 1000;
/** Metres per degree of latitude; a longitude degree is this times cos(latitude). */
const METERS_PER_DEGREE = 111_320;

export interface SubmitReportInput {
  clientKey: string;
  photoIds: string[];
  lng: number;
  lat: number;
  address?: string | null;
  description: string;
  categoryId?: number;
}

export interface SubmitReportOutcome {
  caseId: number;
  /** False when the client key had been used: the earlier case is returned instead of a second one. */
  created: boolean;
}

export interface NearbyQuery {
  lng: number;
  lat: number;
  categoryId?: number;
  radius?: number;
  days?: number;
}

/**
 * Intake of resident reports: validation against the catalogue, classification, location and forwarding,
 * all written in one transaction (the case, its photos, its first timeline entry, the audit row). Also the
 * "same problem nearby" search and joining a case (我也遇到).
 */
@Injectable()
export class CaseIntake {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly catalog: CaseCategoryCatalog,
    private readonly location: CaseLocationService,
    private readonly router: CaseRouter,
    private readonly media: MediaService,
    private readonly live: CaseLive,
    private readonly codes: CaseCodeIssuer,
    private readonly residents: ResidentCommunities,
  ) {}

  async submit(reporterId: number, input: SubmitReportInput, requestId: string | null = null): Promise<SubmitReportOutcome> {
    let category: ProblemCategory | null = null;
    let confidence: number | null = null;
    if (input.categoryId !== undefined) {
      category = await this.catalog.find(input.categoryId);
      if (!category) throw CaseErrors.unknownCategory(input.categoryId);
    } else {
      const guess = await this.catalog.classify(input.description);
      confidence = Math.round(guess.confidence * 1000) / 1000;
      category = guess.categoryId === null ? null : await this.catalog.find(guess.categoryId);
    }
    const place = await this.location.locate(input.lng, input.lat);
    if (!place) throw CaseErrors.outsideServiceArea();

    // Whole seconds: the timestamps written below are what the columns keep, and what the live event says.
    const now = toWholeSecond(new Date());
    // MariaDB: the roster and the day's running number are read before the transaction, each shared with the
    // reports arriving at the same moment, so the transaction itself is its three inserts. The number comes from its own autocommit statement, which locks the day's
    // counter row for that statement only, not until this report commits, so concurrent reports don't queue on
    // it; a report that fails afterwards leaves its number unused. SQLite has one writer and no round trips:
    // both happen inside, and the numbers have no gaps. Both are awaited before the transaction takes its
    // connection: a transaction waiting on reads that need other pooled connections would, in a burst, hold
    // every connection while waiting for one.
    const early = this.transactions.isSqlite ? null : await Promise.all([this.router.route(null, place, category !== null, now), this.codes.next(now)]);

    // No look-up of the client key first: the unique key on (reporter, client key) is the check. A retry
    // (queued behind the first attempt on SQLite, or racing it on MariaDB) fails on the case row, before any
    // photo is claimed, and rolls back; the catch below hands back the case the first attempt filed.
    try {
      const written = await this.transactions.run(async (m) => {
        const [decision, code] = early ?? [await this.router.route(m, place, category !== null, now), await nextCaseCode(m, now)];
        const row = Object.assign(new Case(), {
          code,
          reporterId,
          clientKey: input.clientKey,
          description: input.description,
          lng: input.lng,
          lat: input.lat,
          address: input.address?.trim() || null,
          ...place,
          categoryId: category?.id ?? null,
          classificationConfidence: confidence,
          routedBy: decision.routedBy,
          status: 'submitted',
          handlerUserId: decision.handlerUserId,
          leadDepartmentId: null,
          queue: decision.queue,
          reopenCount: 0,
          ...(category ? deadlinesFor(category, now) : { responseDueAt: null, resolveDueAt: null }),
          timelineSeq: 1,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        // insertRow, not save(): every column the caller needs is set here, so nothing is read back.
        row.id = await insertRow(m, Case, row);
        const photos = await this.media.claimPhotos(reporterId, input.photoIds, 'case_before', `case:${row.id}`, m);
        if (photos.length) await m.getRepository(CasePhoto).insert(photos.map((file, position) => ({ caseId: row.id, mediaId: file.id, kind: 'before' as const, position })));
        const entry = Object.assign(new CaseTimelineEntry(), {
          caseId: row.id,
          seq: 1,
          event: 'submit',
          fromStatus: null,
          toStatus: 'submitted',
          actorUserId: reporterId,
          actorRole: 'reporter',
          note: null,
          data: { queue: decision.queue, routedBy: decision.routedBy, categoryId: row.categoryId, confidence },
          createdAt: now,
        });
        entry.id = await insertRow(m, CaseTimelineEntry, entry);
        const auditAfter = { status: row.status, queue: row.queue, handlerUserId: row.handlerUserId, categoryId: row.categoryId, gridId: row.gridId, version: row.version };
        const auditId = await insertRow(m, AuditLogEntry, {
          entity: 'case',
          entityId: String(row.id),
          action: 'submit',
          actorUserId: reporterId,
          before: null,
          after: auditAfter,
          requestId,
          createdAt: now,
        });
        return { row, entry, auditId, auditAfter };
      });
      const { row, entry, auditId, auditAfter } = written;
      this.live.announce(row, entry, auditId, caseInboxTargets({ action: 'submit', before: null, after: auditAfter, communityId: row.communityId, streetId: row.streetId }));
      return { caseId: row.id, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByClientKey(this.transactions.dataSource.manager, reporterId, input.clientKey);
      if (winner === null) throw error;
      return { caseId: winner, created: false };
    }
  }

  /**
   * Open reports close to a point, nearest first, for the resident to join instead of filing again: only those
   * the follow rule lets them join (their verified community's) and their own, with phone and ID numbers masked.
   */
  async nearby(viewer: CaseViewer, query: NearbyQuery): Promise<NearbyCase[]> {
    const radius = query.radius ?? CASE_NEARBY_DEFAULT_RADIUS_M;
    const days = query.days ?? CASE_NEARBY_DEFAULT_DAYS;
    const dLat = radius / METERS_PER_DEGREE;
    const dLng = radius / (METERS_PER_DEGREE * Math.max(0.01, Math.cos((query.lat * Math.PI) / 180)));
    const m = this.transactions.dataSource.manager;
    const verifiedCommunityIds = await this.residents.verifiedCommunityIds(viewer.id);
    const rows = await m.getRepository(Case).find({
      where: {
        lat: Between(query.lat - dLat, query.lat + dLat),
        lng: Between(query.lng - dLng, query.lng + dLng),
        status: In(OPEN_STATUSES),
        createdAt: MoreThanOrEqual(new Date(Date.now() - days * DAY_MS)),
        ...(query.categoryId !== undefined ? { categoryId: query.categoryId } : {}),
      },
    });
    const near = rows
      .map((row) => ({ row, meters: distanceMeters(query, row) }))
      .filter((x) => x.meters <= radius && (x.row.reporterId === viewer.id || isCaseNeighbour(x.row, verifiedCommunityIds)))
      .sort((a, b) => a.meters - b.meters || b.row.id - a.row.id)
      .slice(0, CASE_NEARBY_MAX_RESULTS);
    if (near.length === 0) return [];
    const ids = near.map((x) => x.row.id);
    const [followers, photos, categories] = await Promise.all([
      m.getRepository(CaseFollower).find({ where: { caseId: In(ids) }, select: { caseId: true, userId: true } }),
      m.getRepository(CasePhoto).find({ where: { caseId: In(ids), kind: 'before', position: 0 } }),
      m.getRepository(ProblemCategory).find({ select: { id: true, name: true } }),
    ]);
    const categoryName = new Map(categories.map((c) => [c.id, c.name]));
    return near.map(({ row, meters }) => {
      const followerIds = followers.filter((f) => f.caseId === row.id).map((f) => f.userId);
      const thumb = photos.find((p) => p.caseId === row.id);
      return {
        id: row.id,
        code: row.code,
        status: row.status,
        statusLabel: CASE_STATUS_LABELS[row.status],
        categoryId: row.categoryId,
        categoryName: row.categoryId === null ? null : (categoryName.get(row.categoryId) ?? null),
        description: maskPublicCaseText(row.description),
        address: maskPublicCaseText(row.address),
        thumbUrl: thumb ? mediaThumbUrl(thumb.mediaId) : null,
        distanceMeters: Math.round(meters),
        followerCount: followerIds.length,
        isFollowing: followerIds.includes(viewer.id),
        isReporter: row.reporterId === viewer.id,
        createdAt: new Date(row.createdAt).toISOString(),
      };
    });
  }

  /** 我也遇到: the resident follows an open case (idempotent; the reporter already does). The rule: caseFollowVerdict. */
  async follow(viewer: CaseViewer, caseId: number): Promise<void> {
    const verifiedCommunityIds = await this.residents.verifiedCommunityIds(viewer.id);
    await this.transactions.run(async (m) => {
      const row = await m.getRepository(Case).findOneBy({ id: caseId });
      if (!row) throw CaseErrors.notFound();
      const { parties } = await loadCaseParties(m, row);
      const verdict = caseFollowVerdict(row, { verifiedCommunityIds, seesWholeCase: seesWholeCase(viewer, parties) });
      // Someone the rule does not admit gets the very answer a missing case gets (404), not a 403: otherwise
      // trying ids one after another would list which cases exist, and where they may not look.
      if (verdict === 'hidden') throw CaseErrors.notFound();
      if (verdict === 'closed') throw CaseErrors.followClosed();
      try {
        await addFollower(m, caseId, viewer.id, row.reporterId);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    });
  }

  /** The id of the case this reporter filed with this client key, if any (fixed SQL, both values bound). */
  private async findByClientKey(m: EntityManager, reporterId: number, clientKey: string): Promise<number | null> {
    const rows: { id: number | string }[] = await m.query('SELECT id FROM cases WHERE reporter_id = ? AND client_key = ?', [reporterId, clientKey]);
    return rows.length ? Number(rows[0].id) : null;
  }
}
