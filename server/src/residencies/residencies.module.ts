import { Module } from '@nestjs/common';
import { ResidenciesController } from './residencies.controller';
import { ResidenciesService } from './residencies.service';

@Module({ controllers: [ResidenciesController], providers: [ResidenciesService], exports: [ResidenciesService] })
export class ResidenciesModule {}
