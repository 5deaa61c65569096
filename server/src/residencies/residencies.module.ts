import { Module } from '@nestjs/common';
import { ResidenciesController } from './residencies.controller';
import { ResidenciesService } from './residencies.service';
import { ResidentCommunities } from './resident-communities.service';

@Module({ controllers: [ResidenciesController], providers: [ResidenciesService, ResidentCommunities], exports: [ResidenciesService, ResidentCommunities] })
export class ResidenciesModule {}
