export { ApiException } from './api-exception';
export { ApiExceptionFilter, expressErrorHandler } from './api-exception.filter';
export { mapError, isUniqueViolation } from './error-mapping';
export { createValidationPipe, fieldProblems } from './validation';
export { requestIdMiddleware, REQUEST_ID_HEADER } from './request-id';
export { CoalescedReads } from './coalesced-reads';
