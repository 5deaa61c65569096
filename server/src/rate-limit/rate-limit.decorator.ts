import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { RateLimitBucket } from '../config/rate-limits';
import { RateLimitGuard } from './rate-limit.guard';
import { RATE_LIMIT_BUCKETS_KEY } from './rate-limit-throttlers';

/**
 * Counts the route against the buckets' limits (per person and per client address, see config/rate-limits.ts).
 * Only marked routes carry the guard, so health checks and reads pay nothing.
 */
export function RateLimit(...buckets: RateLimitBucket[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(RATE_LIMIT_BUCKETS_KEY, buckets), UseGuards(RateLimitGuard));
}
