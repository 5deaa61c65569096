import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DELIBERATION_BULLETIN_ROOM_KIND, DELIBERATION_LIVE_EVENTS, liveRoomNumericId, type LiveEventInput } from '@linli/shared';
import { DataSource } from 'typeorm';
import { BacklogProviderRegistry } from '../realtime/backlog-provider.registry';
import { RoomAuthorizerRegistry } from '../realtime/room-authorizer.registry';
import { BulletinService } from './bulletin.service';
import { Poll } from './entities/poll.entity';
import { bulletinView, visibleCounts } from './views';

/**
 * The live rooms this feature owns, both public like the pages they mirror. `poll:<id>` replays only the
 * latest state (counts are a snapshot, not a log): the current counts at seq = chain length, or the result
 * at chain length + 1 once closed. `bulletin:<communityId>` replays posts by id.
 */
@Injectable()
export class DeliberationLiveRooms implements OnModuleInit {
  constructor(
    private readonly authorizers: RoomAuthorizerRegistry,
    private readonly backlogs: BacklogProviderRegistry,
    private readonly bulletin: BulletinService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.authorizers.register('poll', async (_user, room) => {
      const id = liveRoomNumericId(room);
      return id !== null && (await this.dataSource.getRepository(Poll).existsBy({ id }));
    }, { public: true });
    this.backlogs.register('poll', async (room, afterSeq) => {
      const id = liveRoomNumericId(room);
      const poll = id === null ? null : await this.dataSource.getRepository(Poll).findOneBy({ id });
      if (!poll) return [];
      if (poll.status === 'closed' && poll.result) {
        return poll.chainSeq + 1 > afterSeq ? [{ seq: poll.chainSeq + 1, type: DELIBERATION_LIVE_EVENTS.pollClosed, data: poll.result }] : [];
      }
      const counts = visibleCounts(poll);
      return counts && poll.chainSeq > afterSeq ? [{ seq: poll.chainSeq, type: DELIBERATION_LIVE_EVENTS.pollCounts, data: counts }] : [];
    });

    this.authorizers.register(DELIBERATION_BULLETIN_ROOM_KIND, (_user, room) => liveRoomNumericId(room) !== null, { public: true });
    this.backlogs.register(DELIBERATION_BULLETIN_ROOM_KIND, async (room, afterSeq, limit): Promise<LiveEventInput[]> => {
      const communityId = liveRoomNumericId(room);
      if (communityId === null) return [];
      const posts = await this.bulletin.since(communityId, afterSeq, limit);
      return posts.map((post) => ({ seq: post.id, type: DELIBERATION_LIVE_EVENTS.bulletinPosted, data: bulletinView(post), at: post.publishedAt.toISOString() }));
    });
  }
}
