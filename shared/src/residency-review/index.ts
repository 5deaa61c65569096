export * from './residency-review-api';
