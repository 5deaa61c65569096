import gcoord from 'gcoord';

/**
 * Browsers report WGS-84, while WeChat's location APIs and the server's grid polygons use GCJ-02
 * (China's offset datum, a few hundred metres off in Guangzhou); H5 positions are converted with this.
 */
export function wgs84ToGcj02(lng: number, lat: number): { lng: number; lat: number } {
  const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lng: gLng, lat: gLat };
}
