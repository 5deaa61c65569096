/** A point as the WeChat location APIs return it: GCJ-02 longitude/latitude in degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine). GCJ-02 offsets are locally near-constant, so
 * distances between two GCJ-02 points are as good as between their WGS-84 originals at city scale.
 */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point is a plausible coordinate at all (not NaN, inside the valid ranges). */
export function isValidLngLat(p: LngLat): boolean {
  return Number.isFinite(p.lng) && Number.isFinite(p.lat) && Math.abs(p.lng) <= 180 && Math.abs(p.lat) <= 90;
}
