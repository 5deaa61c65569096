export * from './bounds';
export * from './input-errors';
export * from './service-area';
export * from './text-rule';
