import { distanceMeters, isValidLngLat } from './distance';

describe('distanceMeters', () => {
  it('measures about 111 km for one degree of latitude', () => {
    const d = distanceMeters({ lng: 113.27, lat: 23.0 }, { lng: 113.27, lat: 24.0 });
    expect(d).toBeGreaterThan(110_500);
    expect(d).toBeLessThan(111_500);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lng: 113.2644, lat: 23.1291 };
    const b = { lng: 113.2701, lat: 23.1333 };
    expect(distanceMeters(a, a)).toBe(0);
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 9);
  });

  it('rejects coordinates out of range', () => {
    expect(isValidLngLat({ lng: 200, lat: 10 })).toBe(false);
    expect(isValidLngLat({ lng: Number.NaN, lat: 10 })).toBe(false);
    expect(isValidLngLat({ lng: 113.2, lat: 23.1 })).toBe(true);
  });
});
