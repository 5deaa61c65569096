export { RateLimitModule } from './rate-limit.module';
export { RateLimit } from './rate-limit.decorator';
