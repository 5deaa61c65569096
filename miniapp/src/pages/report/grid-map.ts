import type { GridDetail, LngLat } from '@linli/shared';

/**
 * The H5 map-pin picker's geometry: no map tiles are reachable, so the community's grid polygons are drawn
 * on their own and a tap on the drawing is turned back into lng/lat. At community scale an equirectangular
 * projection (longitude shrunk by cos(latitude)) is accurate to well under a metre.
 */
export interface GridMapFrame {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** Drawing size in view units (the SVG viewBox). */
  width: number;
  height: number;
}

export interface MapXY {
  x: number;
  y: number;
}

function rings(grid: GridDetail): number[][][] {
  return grid.polygon?.coordinates ?? [];
}

/** A frame that fits every grid with a margin, `width` wide and as tall as the area's true shape needs. */
export function gridMapFrame(grids: GridDetail[], width: number, margin = 0.06): GridMapFrame | null {
  const points = grids.flatMap((grid) => rings(grid).flat());
  if (!points.length) return null;
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const [lng, lat] of points) {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const padLng = (maxLng - minLng) * margin || 0.0005;
  const padLat = (maxLat - minLat) * margin || 0.0005;
  minLng -= padLng;
  maxLng += padLng;
  minLat -= padLat;
  maxLat += padLat;
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const height = (width * (maxLat - minLat)) / ((maxLng - minLng) * shrink);
  return { minLng, minLat, maxLng, maxLat, width, height };
}

export function projectToMap(frame: GridMapFrame, point: LngLat): MapXY {
  return {
    x: ((point.lng - frame.minLng) / (frame.maxLng - frame.minLng)) * frame.width,
    y: ((frame.maxLat - point.lat) / (frame.maxLat - frame.minLat)) * frame.height,
  };
}

export function unprojectFromMap(frame: GridMapFrame, xy: MapXY): LngLat {
  return {
    lng: frame.minLng + (xy.x / frame.width) * (frame.maxLng - frame.minLng),
    lat: frame.maxLat - (xy.y / frame.height) * (frame.maxLat - frame.minLat),
  };
}

/** A tap at (clientX, clientY) on a drawing shown in a box of the given screen size and position. */
export function tapToLngLat(frame: GridMapFrame, box: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): LngLat | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const x = ((clientX - box.left) / box.width) * frame.width;
  const y = ((clientY - box.top) / box.height) * frame.height;
  if (x < 0 || y < 0 || x > frame.width || y > frame.height) return null;
  return unprojectFromMap(frame, { x, y });
}

function insideRing(ring: number[][], { lng, lat }: LngLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The grid whose polygon (outer ring minus holes) contains the point; the server makes the final call. */
export function gridContaining(grids: GridDetail[], point: LngLat): GridDetail | null {
  return (
    grids.find((grid) => {
      const [outer, ...holes] = rings(grid);
      return !!outer && insideRing(outer, point) && !holes.some((hole) => insideRing(hole, point));
    }) ?? null
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** A grid's label on the map: its own part ("第3网格") when the name repeats the community's. */
export function gridMapLabel(name: string): string {
  const own = name.replace(/^.*?(社区|村)/, '');
  return own || name;
}

/**
 * The grids as an SVG document (outlined, the chosen one filled, each labelled at its centre). `labelSize` is in
 * view units: a drawing shown narrower than its view width needs bigger labels to stay readable.
 */
export function gridMapSvg(grids: GridDetail[], frame: GridMapFrame, highlightId: number | null, labelSize = 24): string {
  const fmt = (n: number) => n.toFixed(1);
  const shapes = grids.map((grid) => {
    const path = rings(grid)
      .map((ring) => `M${ring.map((p) => projectToMap(frame, { lng: p[0], lat: p[1] })).map((xy) => `${fmt(xy.x)},${fmt(xy.y)}`).join('L')}Z`)
      .join('');
    const outer = rings(grid)[0] ?? [];
    const centre = outer.length
      ? projectToMap(frame, { lng: outer.reduce((s, p) => s + p[0], 0) / outer.length, lat: outer.reduce((s, p) => s + p[1], 0) / outer.length })
      : { x: 0, y: 0 };
    const on = grid.id === highlightId;
    return (
      `<path d="${path}" fill="${on ? '#fbe9e7' : '#ffffff'}" fill-rule="evenodd" stroke="${on ? '#b3261e' : '#8c8279'}" stroke-width="${fmt((on ? 4 : 2) * (labelSize / 24))}"/>` +
      `<text x="${fmt(centre.x)}" y="${fmt(centre.y)}" font-size="${fmt(labelSize)}" text-anchor="middle" fill="#3d3d3d">${escapeXml(gridMapLabel(grid.name))}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(frame.width)} ${fmt(frame.height)}" width="${fmt(frame.width)}" height="${fmt(frame.height)}"><rect width="100%" height="100%" fill="#efe9e2"/>${shapes.join('')}</svg>`;
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
