/** A GeoJSON Polygon geometry: an outer ring and optional holes, each a ring of [lng, lat] (GCJ-02) positions. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export class GridGeometryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GridGeometryError';
  }
}

/**
 * The polygon's edges flattened as [ax, ay, bx, by, …] with every edge stored lower endpoint first and
 * horizontal edges dropped (a horizontal ray never crosses them). Storing each edge in one canonical
 * direction means two grids that share an edge compute bit-identical crossing tests on it, whichever
 * way their rings run; that is what makes a point on a shared edge belong to exactly one of them.
 */
export function polygonEdges(polygon: GeoJsonPolygon, label = 'polygon'): number[] {
  if (!polygon || polygon.type !== 'Polygon' || !Array.isArray(polygon.coordinates) || polygon.coordinates.length === 0) {
    throw new GridGeometryError(`${label}: expected a GeoJSON Polygon with at least one ring`);
  }
  const edges: number[] = [];
  polygon.coordinates.forEach((ring, r) => {
    const points = openRing(ring, `${label} ring ${r}`);
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [x1, y1] = points[j];
      const [x2, y2] = points[i];
      if (y1 === y2) continue;
      if (y1 < y2) edges.push(x1, y1, x2, y2);
      else edges.push(x2, y2, x1, y1);
    }
  });
  return edges;
}

/** The ring without its closing position, checked for finite coordinates and at least three positions. */
function openRing(ring: unknown, label: string): number[][] {
  if (!Array.isArray(ring)) throw new GridGeometryError(`${label}: not an array of positions`);
  const points = ring as number[][];
  for (const p of points) {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new GridGeometryError(`${label}: every position must be [lng, lat] with finite numbers`);
    }
  }
  const n = points.length;
  const closed = n > 1 && points[0][0] === points[n - 1][0] && points[0][1] === points[n - 1][1];
  const open = closed ? points.slice(0, -1) : points;
  if (open.length < 3) throw new GridGeometryError(`${label}: a ring needs at least three distinct positions`);
  return open;
}

/**
 * Even-odd ray casting towards +x over edges[start, end) as built by polygonEdges. Holes need no special
 * case: their edges flip the parity back. Half-open in y (lower endpoint counts, upper does not) so a ray
 * through a vertex is counted once; a point exactly on an edge counts as left of it only when strictly so.
 */
export function edgesContain(edges: ArrayLike<number>, start: number, end: number, px: number, py: number): boolean {
  let inside = false;
  for (let k = start; k < end; k += 4) {
    const ay = edges[k + 1];
    const by = edges[k + 3];
    if (py < ay || py >= by) continue;
    const ax = edges[k];
    if ((edges[k + 2] - ax) * (py - ay) - (by - ay) * (px - ax) > 0) inside = !inside;
  }
  return inside;
}

/** Whether a polygon (holes respected) contains a point; for one-off checks; the grid index precompiles instead. */
export function polygonContains(polygon: GeoJsonPolygon, lng: number, lat: number): boolean {
  const edges = polygonEdges(polygon);
  return edgesContain(edges, 0, edges.length, lng, lat);
}
