import { Module } from '@nestjs/common';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';

/** Contribution points: the ledger, balances and the community leaderboard. Other features call PointsService. */
@Module({ controllers: [PointsController], providers: [PointsService], exports: [PointsService] })
export class PointsModule {}
