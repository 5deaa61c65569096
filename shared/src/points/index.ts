export * from './local-day';
export * from './points-rules';
export * from './points-ledger';
