import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from '../departments/department.entity';
import { Community } from './community.entity';
import { District } from './district.entity';
import { Grid } from './grid.entity';
import { OrgController } from './org.controller';
import { OrgLocator } from './org-locator.service';
import { OrgService } from './org.service';
import { Street } from './street.entity';

@Module({
  imports: [TypeOrmModule.forFeature([District, Street, Community, Grid, Department])],
  controllers: [OrgController],
  providers: [OrgService, OrgLocator],
  exports: [OrgLocator],
})
export class GridsModule {}
