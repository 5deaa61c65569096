export * from './auth/roles';
export * from './auth/permissions';
export * from './api/errors';
export * from './api/auth';
export * from './api/org';
export * from './api/health';
export * from './geo/distance';
export * from './cases';
