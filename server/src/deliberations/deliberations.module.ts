import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GridsModule } from '../grids/grids.module';
import { MediaModule } from '../media/media.module';
import { BallotIntake } from './ballot-intake';
import { BallotsService } from './ballots.service';
import { BulletinController } from './bulletin.controller';
import { BulletinService } from './bulletin.service';
import { CommentReportsController } from './comment-reports.controller';
import { CommentReportsService } from './comment-reports.service';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationLiveRooms } from './deliberation-live-rooms';
import { DeliberationsController } from './deliberations.controller';
import { DeliberationsService } from './deliberations.service';
import { DELIBERATION_ENTITIES } from './entities';
import { PollChainService } from './poll-chain.service';
import { PollCloseJob } from './poll-close.job';
import { PollCloseService } from './poll-close.service';
import { PollsController } from './polls.controller';
import { PollsService } from './polls.service';
import { ResidencyScope } from './residency-scope';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

/** Neighbourhood deliberation and voting (议事/投票) and the community bulletin board. */
@Module({
  imports: [TypeOrmModule.forFeature(DELIBERATION_ENTITIES), GridsModule, MediaModule],
  controllers: [TopicsController, DeliberationsController, CommentsController, CommentReportsController, PollsController, BulletinController],
  providers: [
    ResidencyScope,
    DeliberationAccess,
    TopicsService,
    DeliberationsService,
    CommentsService,
    CommentReportsService,
    PollsService,
    BallotIntake,
    BallotsService,
    PollChainService,
    PollCloseService,
    PollCloseJob,
    BulletinService,
    DeliberationLiveRooms,
  ],
  exports: [PollCloseService, BallotsService],
})
export class DeliberationsModule {}
