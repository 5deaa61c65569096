import { describeThreshold, formatPercentFloor, meetsThreshold, VoteThreshold } from './ratio';

const twoThirdsOrMore: VoteThreshold = { ratio: { numerator: 2, denominator: 3 }, comparison: 'at_least' };
const moreThanHalf: VoteThreshold = { ratio: { numerator: 1, denominator: 2 }, comparison: 'more_than' };

describe('meetsThreshold', () => {
  it('accepts exactly two thirds for an inclusive two-thirds threshold and rejects one hundredth less', () => {
    expect(meetsThreshold(200n, 300n, twoThirdsOrMore)).toBe(true);
    expect(meetsThreshold(199n, 300n, twoThirdsOrMore)).toBe(false);
  });

  it('decides shares a float would round the wrong way, such as 2/3 of an area not divisible by 3', () => {
    // 2/3 of 100 000 000 001 is 66 666 666 667.33…, so 66 666 666 667 is just short and 66 666 666 668 is enough.
    expect(meetsThreshold(66_666_666_667n, 100_000_000_001n, twoThirdsOrMore)).toBe(false);
    expect(meetsThreshold(66_666_666_668n, 100_000_000_001n, twoThirdsOrMore)).toBe(true);
  });

  it('rejects exactly half for "more than half" and accepts the smallest amount above it', () => {
    expect(meetsThreshold(50n, 100n, moreThanHalf)).toBe(false);
    expect(meetsThreshold(51n, 101n, moreThanHalf)).toBe(true);
  });

  it('never meets a threshold when the whole is zero', () => {
    expect(meetsThreshold(0n, 0n, { ratio: { numerator: 0, denominator: 1 }, comparison: 'at_least' })).toBe(false);
  });
});

describe('formatPercentFloor', () => {
  it('rounds down so a share just below a threshold never displays as reaching it', () => {
    expect(formatPercentFloor(2n, 3n)).toBe('66.66%');
    expect(formatPercentFloor(1n, 8n)).toBe('12.50%');
    expect(formatPercentFloor(5n, 5n)).toBe('100.00%');
  });
});

describe('describeThreshold', () => {
  it('reads thresholds the way the statute words them', () => {
    expect(describeThreshold(twoThirdsOrMore)).toBe('三分之二以上');
    expect(describeThreshold(moreThanHalf)).toBe('过半数');
    expect(describeThreshold({ ratio: { numerator: 3, denominator: 4 }, comparison: 'at_least' })).toBe('四分之三以上');
  });
});
