import { bodyLimitBytes } from './body-limit';

describe('bodyLimitBytes', () => {
  it('reads bytes, kilobytes and megabytes in either case', () => {
    expect(bodyLimitBytes('2048b')).toBe(2048);
    expect(bodyLimitBytes('2kb')).toBe(2048);
    expect(bodyLimitBytes('1MB')).toBe(1_048_576);
  });

  it('refuses anything else', () => {
    expect(() => bodyLimitBytes('huge')).toThrow('512kb or 1mb');
    expect(() => bodyLimitBytes('1gb')).toThrow();
    expect(() => bodyLimitBytes('-1kb')).toThrow();
  });
});
