import type { LngLat } from '../geo/distance';

/** A bounding box in GCJ-02 degrees. */
export interface LngLatBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

const METERS_PER_DEGREE_LAT = 111_320;

/** The smallest box around all the given boxes (a district's grids), or null when there are none. */
export function boxAround(boxes: Iterable<LngLatBox>): LngLatBox | null {
  let out: LngLatBox | null = null;
  for (const b of boxes) {
    out = out
      ? { minLng: Math.min(out.minLng, b.minLng), minLat: Math.min(out.minLat, b.minLat), maxLng: Math.max(out.maxLng, b.maxLng), maxLat: Math.max(out.maxLat, b.maxLat) }
      : { ...b };
  }
  return out;
}

/**
 * Whether a point lies in the box grown by marginMeters on every side. A degree of longitude shrinks with
 * latitude; the box's edge nearest the equator gives the smallest degree, so the margin is never short.
 */
export function withinServiceArea(box: LngLatBox, point: LngLat, marginMeters: number): boolean {
  const dLat = marginMeters / METERS_PER_DEGREE_LAT;
  const nearestEquator = Math.min(Math.abs(box.minLat), Math.abs(box.maxLat));
  const dLng = marginMeters / (METERS_PER_DEGREE_LAT * Math.max(Math.cos((nearestEquator * Math.PI) / 180), 1e-6));
  return point.lat >= box.minLat - dLat && point.lat <= box.maxLat + dLat && point.lng >= box.minLng - dLng && point.lng <= box.maxLng + dLng;
}
