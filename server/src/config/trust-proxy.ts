import { isIP } from 'node:net';

/**
 * Which reverse proxies may name the client in X-Forwarded-For (TRUST_PROXY). Without one the socket's address is
 * the client: otherwise anyone could send the header and pick the address the rate limits count.
 * `false`; a number of proxy hops in front of the server; or addresses and CIDR ranges of the proxies
 * (`loopback`, `linklocal` and `uniquelocal` name the usual private ranges), as Fastify's trustProxy takes them.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const version = isIP(address);
  if (!version) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** The text of TRUST_PROXY → the setting; null when it does not read. `true` (trust any sender) is refused on purpose. */
export function parseTrustProxy(text: string): TrustProxy | null {
  const value = text.trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : null;
}

export function isTrustProxy(value: unknown): value is TrustProxy {
  if (value === false) return true;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 99;
  return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && isProxyAddress(entry));
}
