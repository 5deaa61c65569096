import type { GridShape } from './grid-index';

/** A small deterministic PRNG (mulberry32), so generated tilings and sample points repeat from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TilingOptions {
  cols: number;
  rows: number;
  seed?: number;
  /** South-west corner, GCJ-02 [lng, lat]; defaults to central Yuexiu. */
  origin?: [number, number];
  /** Cell size in degrees (≈ 200 m by default). */
  cellSize?: number;
  /** Extra jittered points on every cell side, so grids have realistic, irregular boundaries. */
  pointsPerSide?: number;
  /** Every n-th cell gets a hole that is filled by a separate enclave grid (0 = none). */
  enclaveEvery?: number;
}

export interface Tiling {
  grids: GridShape<number>[];
  /** [minLng, minLat, maxLng, maxLat] lying wholly inside the tiled area (inset past the jittered outline). */
  bbox: [number, number, number, number];
  /** Every boundary position, each a vertex shared by the grids that meet there. */
  vertices: [number, number][];
}

type Pt = [number, number];

/**
 * Irregular grids that tile an area the way real 网格 boundaries do: a jittered lattice whose cell sides
 * are broken into jittered polylines. Neighbours are built from the very same position arrays, so shared
 * edges and vertices are bit-identical, as they are in a topologically clean boundary dataset.
 */
export function generateTiling(options: TilingOptions): Tiling {
  const { cols, rows } = options;
  const rand = seededRandom(options.seed ?? 1);
  const [lng0, lat0] = options.origin ?? [113.264, 23.129];
  const size = options.cellSize ?? 0.002;
  const k = options.pointsPerSide ?? 2;
  const enclaveEvery = options.enclaveEvery ?? 0;
  const jitter = (amount: number) => (rand() - 0.5) * 2 * amount * size;

  const corner: Pt[][] = [];
  for (let i = 0; i <= cols; i++) {
    corner.push([]);
    for (let j = 0; j <= rows; j++) corner[i].push([lng0 + i * size + jitter(0.2), lat0 + j * size + jitter(0.2)]);
  }
  const side = (a: Pt, b: Pt): Pt[] => {
    const pts: Pt[] = [];
    for (let s = 1; s <= k; s++) {
      const t = s / (k + 1);
      pts.push([a[0] + (b[0] - a[0]) * t + jitter(0.08), a[1] + (b[1] - a[1]) * t + jitter(0.08)]);
    }
    return pts;
  };
  // bottom[i][j]: the side from corner[i][j] eastwards; left[i][j]: from corner[i][j] northwards.
  const bottom: Pt[][][] = [];
  const left: Pt[][][] = [];
  for (let i = 0; i <= cols; i++) {
    bottom.push([]);
    left.push([]);
    for (let j = 0; j <= rows; j++) {
      bottom[i].push(i < cols ? side(corner[i][j], corner[i + 1][j]) : []);
      left[i].push(j < rows ? side(corner[i][j], corner[i][j + 1]) : []);
    }
  }

  const grids: GridShape<number>[] = [];
  const enclaves: Pt[][] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const outer: Pt[] = [
        corner[i][j],
        ...bottom[i][j],
        corner[i + 1][j],
        ...left[i + 1][j],
        corner[i + 1][j + 1],
        ...[...bottom[i][j + 1]].reverse(),
        corner[i][j + 1],
        ...[...left[i][j]].reverse(),
        corner[i][j],
      ];
      const rings = [outer];
      const n = j * cols + i;
      if (enclaveEvery > 0 && n % enclaveEvery === 0) {
        const cx = lng0 + (i + 0.5) * size;
        const cy = lat0 + (j + 0.5) * size;
        const h = size * 0.15;
        const hole: Pt[] = [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]];
        // The hole runs clockwise inside the cell, the enclave counter-clockwise: same positions either way.
        rings.push([...hole].reverse());
        enclaves.push(hole);
      }
      grids.push({ id: grids.length + 1, polygon: { type: 'Polygon', coordinates: rings } });
    }
  }
  for (const ring of enclaves) grids.push({ id: grids.length + 1, polygon: { type: 'Polygon', coordinates: [ring] } });

  const vertices: Pt[] = [];
  for (const grid of grids) for (const ring of grid.polygon.coordinates) for (const p of ring) vertices.push([p[0], p[1]]);
  return { grids, bbox: [lng0 + size * 0.3, lat0 + size * 0.3, lng0 + (cols - 0.3) * size, lat0 + (rows - 0.3) * size], vertices };
}
