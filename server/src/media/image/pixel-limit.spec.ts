import { withinPixelLimit } from './pixel-limit';

describe('withinPixelLimit', () => {
  it('allows an image of exactly the limit and refuses one pixel more', () => {
    expect(withinPixelLimit({ width: 8000, height: 5000 }, 40_000_000)).toBe(true);
    expect(withinPixelLimit({ width: 8000, height: 5001 }, 40_000_000)).toBe(false);
  });

  it('judges by area, not by either edge: a long panorama within the area passes, a square bomb does not', () => {
    expect(withinPixelLimit({ width: 16_000, height: 2_000 }, 40_000_000)).toBe(true);
    expect(withinPixelLimit({ width: 10_000, height: 10_000 }, 40_000_000)).toBe(false);
  });

  it('refuses headers without sensible dimensions', () => {
    for (const size of [
      { width: 0, height: 100 },
      { width: 100, height: -1 },
      { width: Number.NaN, height: 10 },
      { width: 2 ** 60, height: 2 ** 60 },
    ]) {
      expect(withinPixelLimit(size, 40_000_000)).toBe(false);
    }
  });
});
