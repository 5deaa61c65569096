import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { ScopeLabels } from './scope-labels.service';

@Module({
  controllers: [MeController],
  providers: [MeService, ScopeLabels],
  exports: [MeService, ScopeLabels],
})
export class UsersModule {}
