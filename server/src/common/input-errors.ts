import { INPUT_ERRORS, type InputErrorCode } from '@linli/shared';
import { ApiException } from './api-exception';

const refuse = (code: InputErrorCode) => new ApiException(INPUT_ERRORS[code].status, code, INPUT_ERRORS[code].message);

/** Refusals of input as such, in every feature alike (codes, statuses and wording from INPUT_ERRORS in shared). */
export const InputErrors = {
  outsideServiceArea: () => refuse('outside_service_area'),
};
