export * from './case-status';
export * from './case-move';
export * from './figures';
