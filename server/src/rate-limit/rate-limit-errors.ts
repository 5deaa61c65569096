import { RATE_LIMIT_ERRORS, type RateLimitErrorDetails } from '@linli/shared';
import { ApiException } from '../common/api-exception';

/** The refusal of a request over its limit, from the shared code table, saying when to try again (body and Retry-After). */
export const RateLimitErrors = {
  limited: (retryAfterSeconds: number) => {
    const details: RateLimitErrorDetails = { retryAfterSeconds };
    return new ApiException(RATE_LIMIT_ERRORS.rate_limited.status, 'rate_limited', RATE_LIMIT_ERRORS.rate_limited.message, details, {
      'Retry-After': String(retryAfterSeconds),
    });
  },
};
