import type { GeoJsonPolygon } from '../../../grids/point-in-polygon';
import { generateTiling } from '../../../grids/grid-tiling';

/** A rectangle of lattice cells, [x0, x1) × [y0, y1). */
export interface CellBlock {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Splits a block into `count` blocks by guillotine cuts at jittered positions, so pieces differ in size
 * and shape. Pieces come out west before east and south before north at every cut.
 */
export function partitionBlock(block: CellBlock, count: number, rand: () => number): CellBlock[] {
  const width = block.x1 - block.x0;
  const height = block.y1 - block.y0;
  if (count < 1 || width * height < count) throw new Error(`cannot split ${width}×${height} cells into ${count}`);
  if (count === 1) return [block];
  const first = Math.floor(count / 2);
  const vertical = width > height || (width === height && rand() < 0.5);
  const length = vertical ? width : height;
  const across = vertical ? height : width;
  // Each side must keep at least as many cells as pieces it still has to give.
  const lowest = Math.ceil(first / across);
  const highest = length - Math.ceil((count - first) / across);
  const ideal = (length * first) / count + (rand() - 0.5) * length * 0.25;
  const cut = Math.min(highest, Math.max(lowest, Math.round(ideal)));
  const [a, b]: CellBlock[] = vertical
    ? [{ ...block, x1: block.x0 + cut }, { ...block, x0: block.x0 + cut }]
    : [{ ...block, y1: block.y0 + cut }, { ...block, y0: block.y0 + cut }];
  return [...partitionBlock(a, first, rand), ...partitionBlock(b, count - first, rand)];
}

/**
 * A jittered lattice (the one the grid index is tested on) from which any block's outline can be cut.
 * Outlines are walked along the cells' own sides, so two blocks that touch list bit-identical positions
 * along their shared boundary: no slivers, no gaps, whatever the nesting (grid, community, street).
 */
export class BlockLattice {
  private readonly cellRings: number[][][];
  private readonly sideLength: number;

  constructor(
    readonly cols: number,
    readonly rows: number,
    options: { seed: number; origin: [number, number]; cellSize: number; pointsPerSide: number },
  ) {
    const tiling = generateTiling({ cols, rows, ...options, enclaveEvery: 0 });
    this.cellRings = tiling.grids.map((g) => g.polygon.coordinates[0]);
    this.sideLength = options.pointsPerSide + 1;
    // Cell rings run corner, bottom side, corner, right side, corner, top side, corner, left side, corner.
    for (const ring of this.cellRings) {
      if (ring.length !== 4 * this.sideLength + 1) throw new Error('unexpected cell ring layout from generateTiling');
    }
  }

  get whole(): CellBlock {
    return { x0: 0, y0: 0, x1: this.cols, y1: this.rows };
  }

  /** The block's outline, counter-clockwise from its south-west corner, closed, rounded to `decimals`. */
  outline(block: CellBlock, decimals = 7): GeoJsonPolygon {
    const ring: number[][] = [];
    const walk = (i: number, j: number, side: 0 | 1 | 2 | 3) => {
      const cell = this.cellRings[j * this.cols + i];
      ring.push(...cell.slice(side * this.sideLength, (side + 1) * this.sideLength));
    };
    for (let i = block.x0; i < block.x1; i++) walk(i, block.y0, 0);
    for (let j = block.y0; j < block.y1; j++) walk(block.x1 - 1, j, 1);
    for (let i = block.x1 - 1; i >= block.x0; i--) walk(i, block.y1 - 1, 2);
    for (let j = block.y1 - 1; j >= block.y0; j--) walk(block.x0, j, 3);
    ring.push(ring[0]);
    const scale = 10 ** decimals;
    return { type: 'Polygon', coordinates: [ring.map(([lng, lat]) => [Math.round(lng * scale) / scale, Math.round(lat * scale) / scale])] };
  }
}
