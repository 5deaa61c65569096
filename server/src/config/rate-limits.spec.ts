import { DEFAULT_RATE_LIMITS, parseRateLimitRule, RATE_LIMIT_BUCKETS } from './rate-limits';

describe('parseRateLimitRule', () => {
  it('reads a limit per person and per address, each over its own window', () => {
    expect(parseRateLimitRule('user=5/min,ip=60/min')).toEqual({ user: { limit: 5, seconds: 60 }, ip: { limit: 60, seconds: 60 } });
    expect(parseRateLimitRule(' ip = 30 / 10s ')).toEqual({ ip: { limit: 30, seconds: 10 } });
    expect(parseRateLimitRule('user=20/h')).toEqual({ user: { limit: 20, seconds: 3600 } });
    expect(parseRateLimitRule('user=3/5min')).toEqual({ user: { limit: 3, seconds: 300 } });
  });

  it.each(['', 'off', 'user=5', 'user=5/day', 'user=0/min', 'user=-1/min', 'user=5/min,user=6/min', 'device=5/min', 'user=5/25h', 'user=1.5/min', 'user=5/0min'])(
    'refuses %p',
    (text) => {
      expect(parseRateLimitRule(text)).toBeNull();
    },
  );

  it('ships a rule for every bucket that reads', () => {
    for (const bucket of RATE_LIMIT_BUCKETS) expect(parseRateLimitRule(DEFAULT_RATE_LIMITS[bucket])).not.toBeNull();
  });

  it('ships ballots tight per person and generous per address, for buildings behind one NAT address', () => {
    const ballots = parseRateLimitRule(DEFAULT_RATE_LIMITS.ballots);
    expect(ballots?.ip?.limit).toBeGreaterThanOrEqual(50 * (ballots?.user?.limit ?? Infinity));
  });
});
