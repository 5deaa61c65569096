import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ConnectionWaitLimits } from './connection-wait-limits';
import { buildDataSourceOptions } from './data-source-options';
import { DemoSeeder } from './demo-seeder';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config),
    }),
  ],
  providers: [ConnectionWaitLimits, DemoSeeder, TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
