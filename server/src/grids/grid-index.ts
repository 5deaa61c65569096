import { loadFlatbush } from './flatbush-loader';
import { edgesContain, GeoJsonPolygon, GridGeometryError, polygonEdges } from './point-in-polygon';

export interface GridShape<TId> {
  id: TId;
  /** GCJ-02 [lng, lat]; may have holes. */
  polygon: GeoJsonPolygon;
}

export interface GridIndexOptions {
  /** Children per R-tree node; small nodes suit point queries. */
  nodeSize?: number;
}

/** Point queries touch few boxes; 4 beat 8 and 16 in bench/grid-lookup.bench.ts on 2,000 grids. */
const DEFAULT_NODE_SIZE = 4;

/**
 * Point-in-grid lookup: a packed Hilbert R-tree (flatbush) over the grids' bounding boxes, then an exact
 * even-odd test against the few grids whose box holds the point.
 *
 * Grids that tile an area (neighbours share their boundary vertices) give every point of a shared edge or
 * vertex to exactly one grid. If grids overlap anyway, the point goes to the first of them in build order,
 * in both lookup and linearLookup, so the answer never depends on the tree's layout.
 *
 * lookup() allocates nothing: the tree is walked with a preallocated stack over flatbush's own arrays.
 */
export class GridIndex<TId = number> {
  private constructor(
    private readonly ids: readonly TId[],
    /** All grids' canonical edges, grid i in [edgeStart[i], edgeStart[i + 1]). */
    private readonly edges: Float64Array,
    private readonly edgeStart: Uint32Array,
    /** Bounding boxes [minX, minY, maxX, maxY] per grid, for the linear baseline. */
    private readonly bounds: Float64Array,
    private readonly tree: TreeArrays | null,
  ) {}

  static build<TId>(grids: readonly GridShape<TId>[], options: GridIndexOptions = {}): GridIndex<TId> {
    const ids: TId[] = [];
    const chunks: number[][] = [];
    const edgeStart = new Uint32Array(grids.length + 1);
    const bounds = new Float64Array(grids.length * 4);
    let total = 0;
    grids.forEach((grid, i) => {
      const edges = polygonEdges(grid.polygon, `grid ${String(grid.id)}`);
      ids.push(grid.id);
      chunks.push(edges);
      edgeStart[i] = total;
      total += edges.length;
      const outer = grid.polygon.coordinates[0];
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const [x, y] of outer) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
      bounds.set([minX, minY, maxX, maxY], i * 4);
    });
    edgeStart[grids.length] = total;
    const edges = new Float64Array(total);
    chunks.forEach((chunk, i) => edges.set(chunk, edgeStart[i]));
    const tree = grids.length > 0 ? buildTree(bounds, grids.length, options.nodeSize ?? DEFAULT_NODE_SIZE) : null;
    return new GridIndex(ids, edges, edgeStart, bounds, tree);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The grid that contains the point, or null when it lies in none. */
  lookup(lng: number, lat: number): TId | null {
    const tree = this.tree;
    // The negated comparison also turns NaN away.
    if (tree === null || !(lng >= tree.minX && lng <= tree.maxX && lat >= tree.minY && lat <= tree.maxY)) return null;
    const { boxes, indices, levelBounds, nodeSize4, numItems4, stack } = tree;
    const edges = this.edges;
    const edgeStart = this.edgeStart;
    let best = this.ids.length;
    let sp = 0;
    let nodeIndex = boxes.length - 4;
    let level = levelBounds.length - 1;
    for (;;) {
      const end = Math.min(nodeIndex + nodeSize4, levelBounds[level]);
      const isNode = nodeIndex >= numItems4;
      for (let pos = nodeIndex; pos < end; pos += 4) {
        if (lng < boxes[pos] || lat < boxes[pos + 1] || lng > boxes[pos + 2] || lat > boxes[pos + 3]) continue;
        const index = indices[pos >> 2];
        if (isNode) {
          stack[sp++] = index;
          stack[sp++] = level - 1;
        } else if (index < best && edgesContain(edges, edgeStart[index], edgeStart[index + 1], lng, lat)) {
          best = index;
        }
      }
      if (sp === 0) break;
      level = stack[--sp];
      nodeIndex = stack[--sp];
    }
    return best < this.ids.length ? this.ids[best] : null;
  }

  /** The baseline: test every grid in build order. Same answers as lookup, for tests and benchmarks. */
  linearLookup(lng: number, lat: number): TId | null {
    const { bounds, edges, edgeStart } = this;
    for (let i = 0; i < this.ids.length; i++) {
      const b = i * 4;
      if (lng < bounds[b] || lat < bounds[b + 1] || lng > bounds[b + 2] || lat > bounds[b + 3]) continue;
      if (edgesContain(edges, edgeStart[i], edgeStart[i + 1], lng, lat)) return this.ids[i];
    }
    return null;
  }
}

interface TreeArrays {
  boxes: Float64Array;
  indices: Uint16Array | Uint32Array;
  levelBounds: Int32Array;
  nodeSize4: number;
  numItems4: number;
  /** Pairs (node position, level); a depth-first walk holds at most nodeSize siblings per level. */
  stack: Int32Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Builds the flatbush tree and keeps its packed arrays. Layout (flatbush ≥ 4): leaves' boxes first, then
 * each level's nodes; indices[pos / 4] is a leaf's item number or a node's first child position.
 */
function buildTree(bounds: Float64Array, count: number, nodeSize: number): TreeArrays {
  const Flatbush = loadFlatbush();
  const tree = new Flatbush(count, nodeSize, Float64Array);
  for (let i = 0; i < count; i++) tree.add(bounds[i * 4], bounds[i * 4 + 1], bounds[i * 4 + 2], bounds[i * 4 + 3]);
  tree.finish();
  const boxes = tree._boxes;
  if (!(boxes instanceof Float64Array) || !Array.isArray(tree._levelBounds)) {
    throw new GridGeometryError('unsupported flatbush build: expected Float64Array boxes and level bounds');
  }
  const levelBounds = Int32Array.from(tree._levelBounds);
  return {
    boxes,
    indices: tree._indices,
    levelBounds,
    nodeSize4: tree.nodeSize * 4,
    numItems4: count * 4,
    stack: new Int32Array(2 * (tree.nodeSize * levelBounds.length + 1)),
    minX: tree.minX,
    minY: tree.minY,
    maxX: tree.maxX,
    maxY: tree.maxY,
  };
}
