import { isTrustProxy, parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('reads off, a number of hops, or the proxies by address and range', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.10,::1,fd00::/8')).toEqual(['10.0.0.0/8', '192.168.1.10', '::1', 'fd00::/8']);
  });

  it.each(['true', '*', 'nginx', '10.0.0.0/33', '::1/129', '10.0.0.1/8/2', '100', ''])('refuses %p, trusting any sender least of all', (text) => {
    const parsed = parseTrustProxy(text);
    expect(parsed === null || !isTrustProxy(parsed)).toBe(true);
  });
});
