import { distanceMeters } from '@linli/shared';
import { wgs84ToGcj02 } from './datum';

describe('wgs84ToGcj02', () => {
  it('shifts a Guangzhou point by the few hundred metres east and south the GCJ-02 datum adds there', () => {
    const wgs = { lng: 113.2644, lat: 23.1291 };
    const gcj = wgs84ToGcj02(wgs.lng, wgs.lat);
    expect(gcj.lng).toBeGreaterThan(wgs.lng);
    expect(gcj.lat).toBeLessThan(wgs.lat);
    const shift = distanceMeters(wgs, gcj);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
  });
});
