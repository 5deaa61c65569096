export { ApiException } from './api-exception';
export { ApiExceptionFilter } from './api-exception.filter';
export { mapError, isUniqueViolation } from './error-mapping';
export { createValidationPipe, fieldProblems } from './validation';
export { requestIdFor, REQUEST_ID_HEADER } from './request-id';
export { CoalescedReads } from './coalesced-reads';
