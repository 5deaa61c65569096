import { maskIdNumber, maskName, maskPhone } from './mask';

describe('maskIdNumber', () => {
  it('keeps the region prefix and the last four of an 18-digit ID', () => {
    expect(maskIdNumber('440104199001011234')).toBe('4401**********1234');
  });

  it('keeps an X check digit, upper-cased, and ignores spaces', () => {
    expect(maskIdNumber('44010419900101123x')).toBe('4401**********123X');
    expect(maskIdNumber('440104 19900101 1234')).toBe('4401**********1234');
  });

  it('masks an old 15-digit ID the same way', () => {
    expect(maskIdNumber('440104900101123')).toBe('4401*******1123');
  });

  it('shows only the ends of short document numbers and nothing of tiny ones', () => {
    expect(maskIdNumber('E1234567')).toBe('E******7');
    expect(maskIdNumber('AB')).toBe('**');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the country code and separators', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(maskPhone('020-83331234')).toBe('020-****1234');
  });

  it('shows only the last two digits of a short number', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first and last character of a three-character name', () => {
    expect(maskName('张三丰')).toBe('张*丰');
  });

  it('keeps only the surname of a two-character name', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('stars every middle character of longer names', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('keeps the separator dot of minority names', () => {
    expect(maskName('买买提·艾力')).toBe('买**·*力');
  });

  it('masks a single character entirely and copes with empty input', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName(undefined)).toBe('');
  });

  it('treats characters outside the basic plane as one character', () => {
    expect(maskName('𠀋一𠀋')).toBe('𠀋*𠀋');
  });
});
