import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AuthedRequest } from '../auth/auth-user';
import { AppConfig } from '../config/app-config';
import { RATE_LIMIT_BUCKETS, RATE_LIMIT_SCOPES, type RateLimitBucket, type RateLimitScope } from '../config/rate-limits';

export const RATE_LIMIT_BUCKETS_KEY = 'linli:rate-limit-buckets';

/**
 * One named throttler a configured (bucket, scope) pair, e.g. `reports.user` and `reports.ip`. A throttler counts a
 * request only on routes marked with its bucket, and the per-person one only when someone is signed in. The counter
 * is the bucket's, not the route's, so every route of a bucket (both sign-in routes, all comment routes) shares it.
 */
export function rateLimitThrottlers(config: AppConfig, reflector: Reflector): ThrottlerOptions[] {
  const bucketsOf = (context: ExecutionContext): RateLimitBucket[] => reflector.get<RateLimitBucket[] | undefined>(RATE_LIMIT_BUCKETS_KEY, context.getHandler()) ?? [];
  const userOf = (context: ExecutionContext) => context.switchToHttp().getRequest<AuthedRequest>().user;
  return RATE_LIMIT_BUCKETS.flatMap((bucket) =>
    RATE_LIMIT_SCOPES.flatMap((scope: RateLimitScope): ThrottlerOptions[] => {
      const window = config.rateLimits[bucket][scope];
      if (!window) return [];
      return [
        {
          name: `${bucket}.${scope}`,
          limit: window.limit,
          ttl: window.seconds * 1000,
          setHeaders: false,
          skipIf: (context) => !bucketsOf(context).includes(bucket) || (scope === 'user' && !userOf(context)),
          // The ip scope keeps the guard's own tracker (the client address, IPv6 by /64).
          ...(scope === 'user' ? { getTracker: (_req: unknown, context: ExecutionContext) => `u${userOf(context)?.id}` } : {}),
          generateKey: (_context, tracker, name) => `${config.rateLimitPrefix}${name}:${tracker}`,
        },
      ];
    }),
  );
}
