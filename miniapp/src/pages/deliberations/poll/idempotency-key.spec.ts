import { newIdempotencyKey } from './idempotency-key';

describe('ballot idempotency keys', () => {
  it('fits the form the ballot endpoint accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('differs between two ballots cast in the same millisecond', () => {
    let n = 0;
    const random = () => ((n += 0.37) % 1);
    const frozen = () => 1_763_877_600_000;
    expect(newIdempotencyKey(random, frozen)).not.toBe(newIdempotencyKey(random, frozen));
  });
});
