import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchModule } from '../dispatch/dispatch.module';
import { MediaModule } from '../media/media.module';
import { CaseCategoryCatalog } from './case-category-catalog.service';
import { CaseIntake } from './case-intake.service';
import { CaseLive } from './case-live';
import { CaseQueries } from './case-queries.service';
import { CaseTransitions } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { CASE_ENTITIES } from './entities';
import { InboxController } from './inbox.controller';

/**
 * Snap-and-report (随手拍): intake, forwarding, handling, the resident's case page and live updates.
 * Exports CaseTransitions (the one way a case changes status) for sweeps and other features.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), MediaModule, DispatchModule],
  controllers: [CasesController, InboxController],
  providers: [CaseCategoryCatalog, CaseIntake, CaseQueries, CaseTransitions, CaseLive],
  exports: [CaseTransitions, CaseQueries],
})
export class CasesModule {}
