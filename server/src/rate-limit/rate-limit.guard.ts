import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { RateLimitErrors } from './rate-limit-errors';

/**
 * @nestjs/throttler's guard with the project's answer over the limit: 429 in the one error shape, a plain
 * `Retry-After` (seconds), and nothing at all when limits are switched off. Which throttlers apply to a route is
 * decided by its @RateLimit buckets (see rate-limit-throttlers.ts).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(): Promise<boolean> {
    return !this.config.rateLimitEnabled;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw RateLimitErrors.limited(Math.max(1, detail.timeToBlockExpire));
  }
}
