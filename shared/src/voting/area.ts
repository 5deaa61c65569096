/**
 * Exclusive floor area (专有部分面积) is carried as an integer number of hundredths of a square metre,
 * the precision of a property certificate, so sums and threshold comparisons stay exact.
 * 89.37 m² is 8937.
 */
export type AreaHundredths = number;

const DECIMAL_AREA = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads an area in square metres as printed on a certificate or returned by a DECIMAL(12,2) column
 * ("89.37", 89.37) into hundredths, without going through float arithmetic. More than two decimals,
 * negatives and non-numbers are rejected rather than rounded: an area that silently changes would
 * change a vote result.
 */
export function parseExclusiveArea(squareMeters: string | number): AreaHundredths {
  const text = typeof squareMeters === 'number' ? String(squareMeters) : squareMeters.trim();
  const match = DECIMAL_AREA.exec(text);
  if (!match) throw new RangeError(`专有部分面积格式不正确：${String(squareMeters)}`);
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`专有部分面积过大：${String(squareMeters)}`);
  return hundredths;
}

/** Hundredths of m² back to "89.37" for display. */
export function formatExclusiveArea(hundredths: AreaHundredths | bigint): string {
  const value = BigInt(hundredths);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
