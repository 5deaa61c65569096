import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseLocationService } from './case-location.service';
import { CaseRouter } from './case-router.service';
import { DutyShift } from './duty-shift.entity';

/** Forwarding: point → grid (spatial index) → on-duty worker or dispatcher from the roster. */
@Module({
  imports: [TypeOrmModule.forFeature([DutyShift])],
  providers: [CaseLocationService, CaseRouter],
  exports: [CaseLocationService, CaseRouter],
})
export class DispatchModule {}
