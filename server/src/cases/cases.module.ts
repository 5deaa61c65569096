import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchModule } from '../dispatch/dispatch.module';
import { MediaModule } from '../media/media.module';
import { PointsModule } from '../points/points.module';
import { ResidenciesModule } from '../residencies/residencies.module';
import { CaseCategoryCatalog } from './case-category-catalog.service';
import { CaseFiguresController } from './case-figures.controller';
import { CaseFiguresService } from './case-figures.service';
import { CaseOutcomesController } from './case-outcomes.controller';
import { CaseOutcomes } from './case-outcomes.service';
import { CaseCodeIssuer } from './case-code';
import { CaseIntake } from './case-intake.service';
import { CaseLive } from './case-live';
import { CaseQueries } from './case-queries.service';
import { CaseTransitions } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { HandlerCandidates } from './handler-candidates.service';
import { CASE_ENTITIES } from './entities';
import { InboxController } from './inbox.controller';
import { CaseSlaMarks } from './case-sla-marks.entity';
import { CaseSlaSweep } from './sla-sweep.service';

/**
 * Snap-and-report (随手拍): intake, forwarding, handling, the resident's case page and live updates.
 * Exports CaseTransitions (the one way a case changes status) for sweeps and other features.
 * Also the deadline sweep (reminders, 吹哨, auto-close), public outcomes and the committee's figures; the
 * outcomes and figures controllers come before CasesController so their paths are never read as a case id.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...CASE_ENTITIES, CaseSlaMarks]), MediaModule, DispatchModule, PointsModule, ResidenciesModule],
  controllers: [CaseOutcomesController, CaseFiguresController, CasesController, InboxController],
  providers: [CaseCategoryCatalog, CaseCodeIssuer, CaseIntake, CaseQueries, CaseTransitions, CaseLive, CaseSlaSweep, CaseOutcomes, CaseFiguresService, HandlerCandidates],
  exports: [CaseTransitions, CaseQueries, CaseSlaSweep],
})
export class CasesModule {}
