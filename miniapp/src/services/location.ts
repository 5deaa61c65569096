import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from './datum';

/** A position in GCJ-02, the datum the WeChat location APIs use and the server's grid polygons are drawn in. */
export interface Gcj02Position {
  lng: number;
  lat: number;
  /** Horizontal accuracy in metres, when the device reports one. */
  accuracyMeters?: number;
}

/**
 * The device's current position in GCJ-02: weapp asks WeChat for GCJ-02 directly; H5 asks the browser
 * for WGS-84 (Taro's H5 getLocation refuses 'gcj02') and converts. Rejects when refused or unavailable; callers fall back to picking on the map.
 */
export async function currentGcj02Position(): Promise<Gcj02Position> {
  const isH5 = process.env.TARO_ENV === 'h5';
  const loc = await Taro.getLocation({ type: isH5 ? 'wgs84' : 'gcj02', isHighAccuracy: true });
  const point = isH5 ? wgs84ToGcj02(loc.longitude, loc.latitude) : { lng: loc.longitude, lat: loc.latitude };
  const position: Gcj02Position = { ...point };
  if (Number.isFinite(loc.accuracy) && loc.accuracy > 0) position.accuracyMeters = Math.round(loc.accuracy);
  return position;
}
