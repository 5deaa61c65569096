import { parseCorsOrigins } from './cors-origins';

describe('parseCorsOrigins', () => {
  it('reads a comma-separated list of origins, lower-cased and without a trailing slash', () => {
    expect(parseCorsOrigins('https://Linli.example.cn/, http://localhost:10086')).toEqual(['https://linli.example.cn', 'http://localhost:10086']);
  });

  it.each(['null', '*', 'linli.example.cn', 'https://linli.example.cn/path', 'ftp://linli.example.cn', 'https://a.cn,null'])('refuses %p', (text) => {
    expect(parseCorsOrigins(text)).toBeNull();
  });
});
