import { ApiErrorCode, VOLUNTEER_ERRORS, VolunteerRuleError } from '@linli/shared';
import { ApiException } from '../common/api-exception';

/**
 * A refusal from the shared volunteer rules, answered in the one error shape with the rule's own stable
 * code (`duplicate_signup`, `too_far`, …) and status, so clients branch on the same codes the rules define.
 */
export class VolunteerRuleException extends ApiException {
  constructor(refusal: VolunteerRuleError) {
    // ApiException types its code as the generic list; the volunteer codes extend it (ApiErrorBody.error is a string).
    super(VOLUNTEER_ERRORS[refusal.error].status, refusal.error as unknown as ApiErrorCode, refusal.message, refusal.details);
  }
}

/** Unwraps a rule's answer, throwing its refusal. */
export function orRefuse<T extends { ok: true }>(result: T | VolunteerRuleError): T {
  if (!result.ok) throw new VolunteerRuleException(result);
  return result;
}
