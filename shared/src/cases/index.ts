export * from './case-status';
export * from './case-move';
export * from './figures';
export * from './handler-order';
export * from './case-follow';
