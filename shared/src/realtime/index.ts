export * from './protocol';
export * from './rooms';
export * from './seq-tracker';
