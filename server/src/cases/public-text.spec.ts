import { maskPublicCaseText } from './public-text';

describe('maskPublicCaseText', () => {
  it('masks a mobile number a resident wrote into the description', () => {
    expect(maskPublicCaseText('门口摊贩太多，有事打我电话13812345678')).toBe('门口摊贩太多，有事打我电话138****5678');
  });

  it('masks mobile numbers written in groups or with the country code', () => {
    expect(maskPublicCaseText('联系 138 1234 5678 或 +86 139-8765-4321')).toBe('联系 138 **** 5678 或 +86 139-****-4321');
  });

  it('masks a landline with its area code and an ID number', () => {
    expect(maskPublicCaseText('座机020-83001234，身份证440104199001011234')).toBe('座机020-****1234，身份证4401**********1234');
  });

  it('leaves other numbers alone: house numbers, dates, long order numbers', () => {
    const text = '解放北路123号3栋1202房，2026年11月23日，快递单号12345678901234567890';
    expect(maskPublicCaseText(text)).toBe(text);
  });

  it('keeps null as null', () => {
    expect(maskPublicCaseText(null)).toBeNull();
  });
});
