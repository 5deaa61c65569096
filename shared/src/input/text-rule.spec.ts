import { cleanText, hasVisibleText } from './text-rule';

describe('cleanText', () => {
  it('trims white space, including the ideographic space, at both ends', () => {
    expect(cleanText('  \u3000 楼道灯坏了 \t')).toBe('楼道灯坏了');
  });

  it('removes NUL and the other C0/C1 controls and DEL', () => {
    expect(cleanText('楼\u0000道\u0007灯\u001b坏\u007f了\u0085\u009f')).toBe('楼道灯坏了');
  });

  it('removes bidi embeddings, overrides, isolates and directional marks', () => {
    expect(cleanText('\u202a1\u202b2\u202c3\u202d4\u202e5\u20666\u20677\u20688\u20699\u200e0\u200f!\u061c')).toBe('1234567890!');
  });

  it('keeps line breaks (as \\n) and tabs in multi-line text, and makes them spaces in one-line text', () => {
    expect(cleanText('第一行\r\n第二行\r第三行\u2028第四行\t完', 'multiline')).toBe('第一行\n第二行\n第三行\n第四行\t完');
    expect(cleanText('第一行\r\n第二行\t完', 'line')).toBe('第一行 第二行 完');
  });

  it('trims zero-width characters at the ends but keeps them inside, where the joiner builds emoji', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(cleanText(`\u200b\ufeff${family}\u2060`)).toBe(family);
  });

  it('drops lone surrogates, which UTF-8 cannot store, and keeps pairs', () => {
    expect(cleanText('a\ud800b\udc00c\u{1F600}')).toBe('abc\u{1F600}');
  });

  it('leaves ordinary Chinese, Latin and emoji text as it is', () => {
    expect(cleanText('东门加装充电桩 (EV) ⚡️ 100%')).toBe('东门加装充电桩 (EV) ⚡️ 100%');
  });
});

describe('hasVisibleText', () => {
  it.each([
    ['', false],
    ['   ', false],
    ['\u3000\t\n', false],
    ['\u200b\u200c\u200d\u2060\ufeff', false],
    ['\u0000\u0007', false],
    ['\u202e\u2066\u2069', false],
    [' \u200b \u202e ', false],
    ['灯', true],
    [' a ', true],
  ])('%j → %s', (text, visible) => {
    expect(hasVisibleText(text)).toBe(visible);
    expect(hasVisibleText(text, 'multiline')).toBe(visible);
  });
});
