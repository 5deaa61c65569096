export * from './media-errors';
