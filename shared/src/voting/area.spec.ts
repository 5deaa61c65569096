import { formatExclusiveArea, parseExclusiveArea } from './area';

describe('parseExclusiveArea', () => {
  it('reads certificate areas into whole hundredths of a square metre', () => {
    expect(parseExclusiveArea('89.37')).toBe(8937);
    expect(parseExclusiveArea('120.5')).toBe(12050);
    expect(parseExclusiveArea('64')).toBe(6400);
    expect(parseExclusiveArea(' 0.07 ')).toBe(7);
  });

  it('reads numbers whose float value is not exact (0.29 * 100 is 28.999…) to the intended hundredths', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseExclusiveArea(0.29)).toBe(29);
    expect(parseExclusiveArea(1.15)).toBe(115);
  });

  it('rejects more than two decimals, negatives and text instead of rounding', () => {
    expect(() => parseExclusiveArea('89.375')).toThrow(RangeError);
    expect(() => parseExclusiveArea('-10')).toThrow(RangeError);
    expect(() => parseExclusiveArea('九十')).toThrow(RangeError);
    expect(() => parseExclusiveArea(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatExclusiveArea', () => {
  it('prints hundredths as square metres with two decimals', () => {
    expect(formatExclusiveArea(8937)).toBe('89.37');
    expect(formatExclusiveArea(7)).toBe('0.07');
    expect(formatExclusiveArea(123_456_789n)).toBe('1234567.89');
  });

  it('round-trips every area it parses', () => {
    for (const text of ['0.01', '10.10', '99.99', '1000.00', '250.05']) {
      expect(formatExclusiveArea(parseExclusiveArea(text))).toBe(text);
    }
  });
});
