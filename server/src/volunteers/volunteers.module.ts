import { DispatchModule } from '../dispatch/dispatch.module';
import { Module } from '@nestjs/common';
import { GridsModule } from '../grids/grids.module';
import { PointsModule } from '../points/points.module';
import { ActivitiesController } from './activities.controller';
import { VolunteerActivitiesService } from './activities.service';
import { VolunteerActivityChangesService } from './activity-changes.service';
import { VolunteerAttendanceService } from './attendance.service';
import { VolunteerFiguresService } from './figures.service';
import { PartyCheckInsService } from './party-check-ins.service';
import { PartyController } from './party.controller';
import { ServiceRecordsController } from './service-records.controller';
import { VolunteerServiceRecordsService } from './service-records.service';
import { VolunteerSignupsService } from './signups.service';
import { VolunteerAccess } from './volunteer-access';
import { VolunteerClock } from './volunteer-clock';
import { VolunteerProfilesService } from './volunteer-profiles.service';

/** Party member check-in, volunteer activities, attendance, service records and their exports; brings in points. */
@Module({
  imports: [GridsModule, PointsModule, DispatchModule],
  controllers: [PartyController, ActivitiesController, ServiceRecordsController],
  providers: [
    VolunteerClock,
    VolunteerAccess,
    VolunteerProfilesService,
    PartyCheckInsService,
    VolunteerActivitiesService,
    VolunteerActivityChangesService,
    VolunteerSignupsService,
    VolunteerAttendanceService,
    VolunteerServiceRecordsService,
    VolunteerFiguresService,
  ],
  exports: [VolunteerClock],
})
export class VolunteersModule {}
