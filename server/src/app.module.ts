import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { LoggingModule } from './common/logging.module';
import { DrainingModule } from './common/draining';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DeliberationsModule } from './deliberations/deliberations.module';
import { DepartmentsModule } from './departments/departments.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { GridsModule } from './grids/grids.module';
import { HealthModule } from './health/health.module';
import { MediaModule } from './media/media.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ResidenciesModule } from './residencies/residencies.module';
import { UsersModule } from './users/users.module';
import { VolunteersModule } from './volunteers/volunteers.module';
import { WechatModule } from './wechat/wechat.module';

/** The whole server, for one validated configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        DrainingModule,
        DatabaseModule,
        RedisModule,
        // Timers of periodic sweeps (the case deadline sweep); each feature registers its own interval.
        ScheduleModule.forRoot(),
        RateLimitModule,
        AuthModule,
        UsersModule,
        ResidenciesModule,
        GridsModule,
        DepartmentsModule,
        HealthModule,
        MediaModule,
        RealtimeModule,
        NotificationsModule,
        DispatchModule,
        CasesModule,
        VolunteersModule,
        DeliberationsModule,
        WechatModule,
      ],
    };
  }
}
