import {
  CASE_INBOX_LIVE_EVENT_TYPE,
  CASE_LIVE_EVENT_TYPE,
  CaseInboxLiveEventData,
  CaseLiveEventData,
  CaseTimelineEvent,
  isCaseNeighbour,
  liveRoom,
  liveRoomNumericId,
  LiveEventInput,
  LiveRoomRef,
} from '@linli/shared';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan } from 'typeorm';
import { BACKLOG_TOO_LONG, BacklogProviderRegistry } from '../realtime/backlog-provider.registry';
import type { LiveUser } from '../realtime/live-user';
import { LivePublisher } from '../realtime/live-publisher';
import { grantHolderAuthorizer, RoomAuthorizer, RoomAuthorizerRegistry } from '../realtime/room-authorizer.registry';
import { ResidentCommunities } from '../residencies/resident-communities.service';
import { seesWholeCase } from './case-actors';
import { loadCaseParties } from './case-bundle';
import { caseInboxTargets, type CaseAuditSnapshot, type InboxTargets } from './case-inbox-targets';
import { toPublicTimelineEntryView, toTimelineEntryView } from './case-views';
import { AuditLogEntry, Case, CaseTimelineEntry } from './entities';

export type { InboxTargets } from './case-inbox-targets';

/** Inbox room kinds and the target list each reads. */
const INBOX_KINDS = { 'inbox:user': 'userIds', 'inbox:department': 'departmentIds', 'inbox:community': 'communityIds', 'inbox:street': 'streetIds' } as const;
type InboxKind = keyof typeof INBOX_KINDS;

/** Audit rows read per query when sifting the case log for one inbox's missed changes. */
const INBOX_BACKLOG_PAGE = 500;
/** Past this many rows since the client's last event, the inbox reloads instead of sifting on. */
const INBOX_BACKLOG_SCAN_MAX = 5_000;

/** Community inboxes: the community's dispatchers (grid workers granted the whole community) and its committee. */
const communityInboxAuthorizer: RoomAuthorizer = (user, room) =>
  user !== null &&
  user.grants.some(
    (g) => (g.role === 'grid_worker' || g.role === 'community_committee') && g.scopeKind === 'community' && String(g.scopeId) === room.id,
  );

/** Street inboxes: the street office's dispatchers (grid workers granted the whole street). */
const streetInboxAuthorizer: RoomAuthorizer = (user, room) =>
  user !== null && user.grants.some((g) => g.role === 'grid_worker' && g.scopeKind === 'street' && String(g.scopeId) === room.id);

/** A case's two live rooms: the whole case's and the public view's, each with its own cut of a timeline entry. */
const CASE_ROOMS = { case: toTimelineEntryView, 'case:public': toPublicTimelineEntryView } as const;
type CaseRoomKind = keyof typeof CASE_ROOMS;

/**
 * Live updates of cases: `case:<id>` carries one event per timeline entry (seq = entry seq, so a reconnecting
 * page catches up from the timeline) for those who see the whole case; `case:public:<id>` the same events cut to
 * the public view, for its followers; the inbox rooms hear which case changed (seq = the audit row's id, which
 * grows with every change).
 */
@Injectable()
export class CaseLive implements OnModuleInit {
  private readonly logger = new Logger(CaseLive.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: LivePublisher,
    private readonly authorizers: RoomAuthorizerRegistry,
    private readonly backlogs: BacklogProviderRegistry,
    private readonly residents: ResidentCommunities,
  ) {}

  onModuleInit(): void {
    this.authorizers.register('case', (user, room) => (user ? this.mayWatch(user, room, 'case') : false));
    this.authorizers.register('case:public', (user, room) => (user ? this.mayWatch(user, room, 'case:public') : false));
    for (const kind of Object.keys(CASE_ROOMS) as CaseRoomKind[]) {
      this.backlogs.register(kind, (room, afterSeq, limit) => this.backlog(kind, room, afterSeq, limit));
    }
    for (const kind of Object.keys(INBOX_KINDS) as InboxKind[]) {
      this.backlogs.register(kind, (room, afterSeq, limit) => this.inboxBacklog(kind, room, afterSeq, limit));
    }
    if (!this.authorizers.has('inbox:department')) this.authorizers.register('inbox:department', grantHolderAuthorizer(['department_staff'], 'department'));
    if (!this.authorizers.has('inbox:community')) this.authorizers.register('inbox:community', communityInboxAuthorizer);
    if (!this.authorizers.has('inbox:street')) this.authorizers.register('inbox:street', streetInboxAuthorizer);
  }

  /** After commit: the case page's event and the handlers' inbox nudges. Delivery failures are logged, never thrown. */
  announce(row: Case, entry: CaseTimelineEntry, inboxSeq: number, targets: InboxTargets): void {
    try {
      for (const [kind, cut] of Object.entries(CASE_ROOMS)) {
        const view = cut(entry);
        this.publisher.publish<CaseLiveEventData>(liveRoom(kind, row.id), {
          seq: entry.seq,
          type: CASE_LIVE_EVENT_TYPE,
          data: { caseId: row.id, entry: view, status: row.status, version: row.version },
          at: view.at,
        });
      }
      const nudge: CaseInboxLiveEventData = { caseId: row.id, code: row.code, status: row.status, event: entry.event };
      const rooms = [
        ...new Set([
          ...targets.userIds.map((id) => liveRoom('inbox:user', id)),
          ...targets.departmentIds.map((id) => liveRoom('inbox:department', id)),
          ...targets.communityIds.map((id) => liveRoom('inbox:community', id)),
          ...targets.streetIds.map((id) => liveRoom('inbox:street', id)),
        ]),
      ];
      for (const room of rooms) this.publisher.publish(room, { seq: inboxSeq, type: CASE_INBOX_LIVE_EVENT_TYPE, data: nudge });
    } catch (error) {
      this.logger.error({ msg: 'case live publish failed', caseId: row.id, seq: entry.seq, error: String(error) });
    }
  }

  /**
   * `case:<id>`: those who see the whole case. `case:public:<id>`: them too, and a follower while the follow rule
   * still admits them (a verified resident of the case's community), so the room never outlasts the standing.
   */
  private async mayWatch(user: LiveUser, room: LiveRoomRef, kind: CaseRoomKind): Promise<boolean> {
    const id = liveRoomNumericId(room);
    if (id === null) return false;
    const row = await this.dataSource.getRepository(Case).findOneBy({ id });
    if (!row) return false;
    const { parties } = await loadCaseParties(this.dataSource.manager, row);
    if (seesWholeCase(user, parties)) return true;
    if (kind !== 'case:public' || !parties.followerIds.includes(user.id)) return false;
    return isCaseNeighbour(row, await this.residents.verifiedCommunityIds(user.id));
  }

  private async backlog(kind: CaseRoomKind, room: LiveRoomRef, afterSeq: number, limit: number) {
    const caseId = liveRoomNumericId(room);
    if (caseId === null) return [];
    const entries = await this.dataSource.getRepository(CaseTimelineEntry).find({
      where: { caseId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    return entries.map((entry) => {
      const view = CASE_ROOMS[kind](entry);
      return {
        seq: entry.seq,
        type: CASE_LIVE_EVENT_TYPE,
        data: { caseId, entry: view, status: entry.toStatus, version: row?.version ?? 0 } satisfies CaseLiveEventData,
        at: view.at,
      };
    });
  }

  /** The change log's position now: every later change of a case has a higher inbox seq (an audit row id). */
  async inboxSeq(): Promise<number> {
    const rows: { last: number | string | null }[] = await this.dataSource.query('SELECT MAX(id) AS last FROM audit_log');
    return Number(rows[0]?.last ?? 0);
  }

  /**
   * What an inbox missed: the case changes after `afterSeq` (an audit row id) that concern it, by the same rule
   * as the live nudges (caseInboxTargets), each as the nudge it would have got — which case, its code and
   * status now, the event. The log is shared by every inbox, so it is sifted a page at a time, and an inbox
   * that was away for more than INBOX_BACKLOG_SCAN_MAX changes reloads instead.
   */
  private async inboxBacklog(kind: InboxKind, room: LiveRoomRef, afterSeq: number, limit: number): Promise<LiveEventInput[] | typeof BACKLOG_TOO_LONG> {
    const id = liveRoomNumericId(room);
    if (id === null) return [];
    const field = INBOX_KINDS[kind];
    const audits = this.dataSource.getRepository(AuditLogEntry);
    const found: LiveEventInput[] = [];
    let after = afterSeq;
    for (let scanned = 0; scanned < INBOX_BACKLOG_SCAN_MAX; scanned += INBOX_BACKLOG_PAGE) {
      const page = await audits.find({
        where: { entity: 'case', id: MoreThan(after) },
        select: { id: true, entityId: true, action: true, before: true, after: true, createdAt: true },
        order: { id: 'ASC' },
        take: INBOX_BACKLOG_PAGE,
      });
      if (page.length === 0) return found;
      const cases = await this.dataSource.getRepository(Case).find({
        where: { id: In([...new Set(page.map((a) => Number(a.entityId)))]) },
        select: { id: true, code: true, status: true, communityId: true, streetId: true },
      });
      const byId = new Map(cases.map((c) => [c.id, c]));
      for (const audit of page) {
        const row = byId.get(Number(audit.entityId));
        if (!row) continue;
        const targets = caseInboxTargets({ action: audit.action, before: audit.before as CaseAuditSnapshot | null, after: audit.after as CaseAuditSnapshot | null, communityId: row.communityId, streetId: row.streetId });
        if (!targets[field].includes(id)) continue;
        const data: CaseInboxLiveEventData = { caseId: row.id, code: row.code, status: row.status, event: inboxEventOf(audit.action) };
        found.push({ seq: audit.id, type: CASE_INBOX_LIVE_EVENT_TYPE, data, at: new Date(audit.createdAt).toISOString() });
        if (found.length >= limit) return found;
      }
      if (page.length < INBOX_BACKLOG_PAGE) return found;
      after = page[page.length - 1].id;
    }
    return BACKLOG_TOO_LONG;
  }
}

/** The timeline event a case audit action stands for (the deadline reminders are one event, remind). */
function inboxEventOf(action: string): CaseTimelineEvent {
  return (action.startsWith('remind_') ? 'remind' : action) as CaseTimelineEvent;
}
