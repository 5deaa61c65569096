export * from './volunteer-errors';
export * from './activity-themes';
export * from './activity';
export * from './signup';
export * from './attendance';
export * from './service-record-status';
export * from './service-records';
