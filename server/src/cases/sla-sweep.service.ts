import { canFire, CASE_STATUSES, type CaseTimelineEvent } from '@linli/shared';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { startPeriodicSweep } from '../common/periodic-sweep';
import { Brackets, EntityManager, In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { CaseLive } from './case-live';
import { CaseSlaMarks } from './case-sla-marks.entity';
import { CaseTransitions } from './case-transitions.service';
import { caseInboxTargets } from './case-inbox-targets';
import { AuditLogEntry, Case, CaseTimelineEntry } from './entities';
import { CASE_SLA_ESCALATION_NOTE, CASE_SLA_MARK, CaseSlaAction, caseSlaActionsDue, caseSlaReminderNote, isAwaitingHandling } from './sla-rules';

/** What one sweep did, by case id. */
export interface CaseSweepReport {
  remindedResponse: number[];
  remindedResolve: number[];
  escalated: number[];
  autoClosed: number[];
}

const REPORT_KEY: Record<CaseSlaAction, keyof CaseSweepReport> = {
  remind_response: 'remindedResponse',
  remind_resolve: 'remindedResolve',
  escalate: 'escalated',
  auto_close: 'autoClosed',
};

/** The timeline event of a reminder: recorded on the case page, no status change. */
export const CASE_SLA_REMINDER_EVENT: CaseTimelineEvent = 'remind';

/** Cases looked at per sweep; the rest wait for the next one (each sweep works from the oldest). */
const SWEEP_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
const HANDLING = CASE_STATUSES.filter(isAwaitingHandling);
const ESCALATABLE = CASE_STATUSES.filter((s) => canFire('escalate', s, 'system'));
const INTERVAL_NAME = 'case-sla-sweep';

/** Thrown inside a claim's transaction when the case moved on since it was picked: rolls the claim back. */
class NoLongerDue extends Error {}

/**
 * The deadline sweep of snap-and-report: reminds handlers of overdue cases, blows the whistle to the street
 * (吹哨) when the resolve deadline has passed, and closes resolved cases left unrated. Every server process
 * runs it; each action is claimed by a conditional UPDATE of its marker inside the transaction that acts,
 * so two processes sweeping at once still remind, escalate and close each case once.
 */
@Injectable()
export class CaseSlaSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseSlaSweep.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transitions: CaseTransitions,
    private readonly live: CaseLive,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    startPeriodicSweep({
      name: INTERVAL_NAME,
      seconds: this.config.caseSweepSeconds,
      scheduler: this.scheduler,
      logger: this.logger,
      failure: 'case sweep failed',
      ready: () => this.transactions.dataSource.isInitialized,
      work: async () => {
        const done = await this.sweepOnce(new Date());
        const count = Object.values(done).reduce((n, ids) => n + ids.length, 0);
        if (count > 0) this.logger.log({ msg: 'case sweep', ...done });
      },
    });
  }

  /** One pass over the cases due for an action at `now`. Safe to run from several processes at once. */
  async sweepOnce(now: Date = new Date()): Promise<CaseSweepReport> {
    const report: CaseSweepReport = { remindedResponse: [], remindedResolve: [], escalated: [], autoClosed: [] };
    const candidates = await this.candidates(now);
    if (candidates.length === 0) return report;
    const marks = await this.transactions.dataSource.getRepository(CaseSlaMarks).findBy({ caseId: In(candidates.map((c) => c.id)) });
    const marksOf = new Map(marks.map((k) => [k.caseId, k]));
    for (const row of candidates) {
      for (const action of caseSlaActionsDue(row, marksOf.get(row.id) ?? {}, now, this.config.caseAutoCloseDays)) {
        try {
          if (await this.perform(row.id, action, now)) report[REPORT_KEY[action]].push(row.id);
        } catch (error) {
          if (!(error instanceof NoLongerDue)) this.logger.error({ msg: 'case sweep action failed', caseId: row.id, action, error: String(error) });
        }
      }
    }
    return report;
  }

  /** Cases with at least one action possibly due, oldest first. The pure rules decide the exact actions. */
  private candidates(now: Date): Promise<Case[]> {
    const closeBefore = new Date(now.getTime() - this.config.caseAutoCloseDays * DAY_MS);
    return this.transactions.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .leftJoin(CaseSlaMarks, 'k', 'k.caseId = c.id')
      .where(
        new Brackets((w) =>
          w
            .where(`c.status = 'submitted' AND c.responseDueAt <= :now AND k.responseOverdueAt IS NULL`)
            .orWhere(`c.status IN (:...handling) AND c.resolveDueAt <= :now AND (k.resolveOverdueAt IS NULL OR (k.escalatedAt IS NULL AND c.status IN (:...escalatable)))`)
            .orWhere(`c.status = 'resolved' AND c.rating IS NULL AND c.resolvedAt <= :closeBefore AND k.autoClosedAt IS NULL`),
        ),
      )
      .setParameters({ now, closeBefore, handling: HANDLING, escalatable: ESCALATABLE })
      .orderBy('c.id', 'ASC')
      // limit, not take: the join is one-to-one (at most one marker row per case), so no de-duplicating subquery is needed.
      .limit(SWEEP_BATCH)
      .getMany();
  }

  /** Claims the action's marker and acts, in one transaction; false when another sweep had claimed it. */
  private async perform(caseId: number, action: CaseSlaAction, now: Date): Promise<boolean> {
    // Outside the claim's transaction, so the claim below is that transaction's first statement and takes the lock.
    await this.transactions.run((m) => m.createQueryBuilder().insert().into(CaseSlaMarks).values({ caseId }).orIgnore().execute());
    const publish = await this.transactions.run(async (m) => {
      const column = CASE_SLA_MARK[action];
      const claimed = await m
        .createQueryBuilder()
        .update(CaseSlaMarks)
        .set({ [column]: now })
        .where(`caseId = :caseId AND ${column} IS NULL`, { caseId })
        .execute();
      if (claimed.affected !== 1) return null;
      const row = await m.getRepository(Case).findOneBy({ id: caseId });
      if (!row || !caseSlaActionsDue(row, {}, now, this.config.caseAutoCloseDays).includes(action)) throw new NoLongerDue();
      switch (action) {
        case 'remind_response':
        case 'remind_resolve':
          return this.remind(m, row, action, now);
        case 'escalate':
          return (await this.transitions.apply(caseId, 'escalate', { user: null }, { note: CASE_SLA_ESCALATION_NOTE }, m)).publish;
        case 'auto_close':
          return (await this.transitions.apply(caseId, 'auto_close', { user: null }, {}, m)).publish;
      }
    });
    if (!publish) return false;
    publish();
    return true;
  }

  /** A timeline note and an audit row; after commit the handler's inbox hears of it. The case's version stays. */
  private async remind(m: EntityManager, row: Case, action: 'remind_response' | 'remind_resolve', now: Date): Promise<() => void> {
    const seq = row.timelineSeq + 1;
    const bumped = await m
      .createQueryBuilder()
      .update(Case)
      .set({ timelineSeq: seq })
      .where('id = :id AND timelineSeq = :seen', { id: row.id, seen: row.timelineSeq })
      .execute();
    if (bumped.affected !== 1) throw new NoLongerDue();
    const due = action === 'remind_response' ? row.responseDueAt : row.resolveDueAt;
    const entries = m.getRepository(CaseTimelineEntry);
    const entry = await entries.save(
      entries.create({
        caseId: row.id,
        seq,
        event: CASE_SLA_REMINDER_EVENT,
        fromStatus: row.status,
        toStatus: row.status,
        actorUserId: null,
        actorRole: 'system',
        note: caseSlaReminderNote(action),
        data: { deadline: action === 'remind_response' ? 'response' : 'resolve', dueAt: due ? new Date(due).toISOString() : null, handlerUserId: row.handlerUserId },
      }),
    );
    const audits = m.getRepository(AuditLogEntry);
    const auditAfter = { status: row.status, queue: row.queue, handlerUserId: row.handlerUserId, leadDepartmentId: row.leadDepartmentId, [CASE_SLA_MARK[action]]: now.toISOString() };
    const audit = await audits.save(
      audits.create({
        entity: 'case',
        entityId: String(row.id),
        action: action,
        actorUserId: null,
        before: null,
        after: auditAfter,
        requestId: null,
      }),
    );
    const after = { ...row, timelineSeq: seq } as Case;
    // The handler and the lead department hear; nobody holds it, or it waits in the community's queue: its dispatchers.
    return () => this.live.announce(after, entry, audit.id, caseInboxTargets({ action, before: null, after: auditAfter, communityId: row.communityId, streetId: row.streetId }));
  }
}
