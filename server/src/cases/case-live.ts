import {
  CASE_INBOX_LIVE_EVENT_TYPE,
  CASE_LIVE_EVENT_TYPE,
  CaseInboxLiveEventData,
  CaseLiveEventData,
  liveRoom,
  liveRoomNumericId,
  LiveRoomRef,
} from '@linli/shared';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { BacklogProviderRegistry } from '../realtime/backlog-provider.registry';
import type { LiveUser } from '../realtime/live-user';
import { LivePublisher } from '../realtime/live-publisher';
import { grantHolderAuthorizer, RoomAuthorizer, RoomAuthorizerRegistry } from '../realtime/room-authorizer.registry';
import { canViewCase } from './case-actors';
import { loadCaseParties } from './case-bundle';
import { toTimelineEntryView } from './case-views';
import { Case, CaseTimelineEntry } from './entities';

/** Whose inbox rooms hear about a change. */
export interface InboxTargets {
  userIds: number[];
  departmentIds: number[];
  communityIds: number[];
}

/** Community inboxes: the community's dispatchers (grid workers granted the whole community) and its committee. */
const communityInboxAuthorizer: RoomAuthorizer = (user, room) =>
  user !== null &&
  user.grants.some(
    (g) => (g.role === 'grid_worker' || g.role === 'community_committee') && g.scopeKind === 'community' && String(g.scopeId) === room.id,
  );

/**
 * Live updates of cases: `case:<id>` carries one event per timeline entry (seq = entry seq, so a reconnecting
 * page catches up from the timeline); the inbox rooms hear which case changed (seq = the audit row's id,
 * which grows with every change).
 */
@Injectable()
export class CaseLive implements OnModuleInit {
  private readonly logger = new Logger(CaseLive.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: LivePublisher,
    private readonly authorizers: RoomAuthorizerRegistry,
    private readonly backlogs: BacklogProviderRegistry,
  ) {}

  onModuleInit(): void {
    this.authorizers.register('case', (user, room) => (user ? this.mayWatch(user, room) : false));
    this.backlogs.register('case', (room, afterSeq, limit) => this.backlog(room, afterSeq, limit));
    if (!this.authorizers.has('inbox:department')) this.authorizers.register('inbox:department', grantHolderAuthorizer(['department_staff'], 'department'));
    if (!this.authorizers.has('inbox:community')) this.authorizers.register('inbox:community', communityInboxAuthorizer);
  }

  /** After commit: the case page's event and the handlers' inbox nudges. Delivery failures are logged, never thrown. */
  announce(row: Case, entry: CaseTimelineEntry, inboxSeq: number, targets: InboxTargets): void {
    try {
      const view = toTimelineEntryView(entry);
      this.publisher.publish<CaseLiveEventData>(liveRoom('case', row.id), {
        seq: entry.seq,
        type: CASE_LIVE_EVENT_TYPE,
        data: { caseId: row.id, entry: view, status: row.status, version: row.version },
        at: view.at,
      });
      const nudge: CaseInboxLiveEventData = { caseId: row.id, code: row.code, status: row.status, event: entry.event };
      const rooms = [
        ...new Set([
          ...targets.userIds.map((id) => liveRoom('inbox:user', id)),
          ...targets.departmentIds.map((id) => liveRoom('inbox:department', id)),
          ...targets.communityIds.map((id) => liveRoom('inbox:community', id)),
        ]),
      ];
      for (const room of rooms) this.publisher.publish(room, { seq: inboxSeq, type: CASE_INBOX_LIVE_EVENT_TYPE, data: nudge });
    } catch (error) {
      this.logger.error({ msg: 'case live publish failed', caseId: row.id, seq: entry.seq, error: String(error) });
    }
  }

  private async mayWatch(user: LiveUser, room: LiveRoomRef): Promise<boolean> {
    const id = liveRoomNumericId(room);
    if (id === null) return false;
    const row = await this.dataSource.getRepository(Case).findOneBy({ id });
    if (!row) return false;
    const { parties } = await loadCaseParties(this.dataSource.manager, row);
    return canViewCase(user, parties);
  }

  private async backlog(room: LiveRoomRef, afterSeq: number, limit: number) {
    const caseId = liveRoomNumericId(room);
    if (caseId === null) return [];
    const entries = await this.dataSource.getRepository(CaseTimelineEntry).find({
      where: { caseId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    const row = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    return entries.map((entry) => {
      const view = toTimelineEntryView(entry);
      return {
        seq: entry.seq,
        type: CASE_LIVE_EVENT_TYPE,
        data: { caseId, entry: view, status: entry.toStatus, version: row?.version ?? 0 } satisfies CaseLiveEventData,
        at: view.at,
      };
    });
  }
}
