import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModule, type ThrottlerModuleOptions, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { FailOpenStorage } from './fail-open-storage';
import { rateLimitThrottlers } from './rate-limit-throttlers';

/**
 * Rate limits for the routes marked @RateLimit. With REDIS_URL the counters live in Redis (one atomic script a hit),
 * so every server process counts against the same budget; without it, in this process's memory.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisService, Reflector],
      useFactory: (config: AppConfig, redis: RedisService, reflector: Reflector): ThrottlerModuleOptions => ({
        throttlers: rateLimitThrottlers(config, reflector),
        storage: redis.client ? new FailOpenStorage(new ThrottlerStorageRedisService(redis.client)) : new ThrottlerStorageService(),
      }),
    }),
  ],
})
export class RateLimitModule {}
