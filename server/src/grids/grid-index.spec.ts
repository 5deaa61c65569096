import { GridIndex, GridShape } from './grid-index';
import { edgesContain, GeoJsonPolygon, GridGeometryError, polygonContains, polygonEdges } from './point-in-polygon';
import { generateTiling, seededRandom } from './grid-tiling';

type Pt = [number, number];
const ring = (...pts: Pt[]): Pt[] => [...pts, pts[0]];
const poly = (...rings: Pt[][]): GeoJsonPolygon => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, s: number): Pt[] => ring([x, y], [x + s, y], [x + s, y + s], [x, y + s]);

/** How many grids claim a point, by testing each polygon on its own. */
const claimants = <T>(grids: GridShape<T>[], [x, y]: Pt) => grids.filter((g) => polygonContains(g.polygon, x, y)).map((g) => g.id);

/** The same, with each polygon compiled once, for the large samples. */
const claimantsOf = <T>(grids: GridShape<T>[]) => {
  const compiled = grids.map((g) => ({ id: g.id, edges: polygonEdges(g.polygon) }));
  return ([x, y]: Pt) => compiled.filter((c) => edgesContain(c.edges, 0, c.edges.length, x, y)).map((c) => c.id);
};

describe('GridIndex', () => {
  const lng = 113.26;
  const lat = 23.12;
  const s = 0.001;
  const west: GridShape<string> = { id: 'west', polygon: poly(square(lng, lat, s)) };
  const east: GridShape<string> = { id: 'east', polygon: poly(square(lng + s, lat, s)) };

  it('finds the grid that contains a point', () => {
    const index = GridIndex.build([west, east]);
    expect(index.lookup(lng + s * 0.5, lat + s * 0.5)).toBe('west');
    expect(index.lookup(lng + s * 1.5, lat + s * 0.2)).toBe('east');
  });

  it('returns null outside every grid, and for coordinates that are not numbers', () => {
    const index = GridIndex.build([west, east]);
    expect(index.lookup(lng - s, lat + s / 2)).toBeNull();
    expect(index.lookup(lng + s / 2, lat + 2 * s)).toBeNull();
    expect(index.lookup(Number.NaN, lat)).toBeNull();
    expect(GridIndex.build<number>([]).lookup(lng, lat)).toBeNull();
  });

  it('does not place a point in a grid whose bounding box holds it but whose outline does not', () => {
    const lShape: GridShape<string> = {
      id: 'L',
      polygon: poly(ring([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2])),
    };
    const index = GridIndex.build([lShape]);
    expect(index.lookup(0.5, 1.5)).toBe('L');
    expect(index.lookup(1.5, 1.5)).toBeNull();
  });

  it('leaves a hole empty, and gives it to the enclave grid that fills it', () => {
    const hole = square(lng + 0.3 * s, lat + 0.3 * s, 0.4 * s);
    const donut: GridShape<string> = { id: 'donut', polygon: poly(square(lng, lat, s), [...hole].reverse()) };
    const inHole: Pt = [lng + 0.5 * s, lat + 0.5 * s];
    const inRing: Pt = [lng + 0.1 * s, lat + 0.5 * s];
    expect(GridIndex.build([donut]).lookup(...inHole)).toBeNull();
    expect(GridIndex.build([donut]).lookup(...inRing)).toBe('donut');
    const enclave: GridShape<string> = { id: 'enclave', polygon: poly(hole) };
    const index = GridIndex.build([donut, enclave]);
    expect(index.lookup(...inHole)).toBe('enclave');
    expect(index.lookup(...inRing)).toBe('donut');
  });

  it('gives a point on a shared edge to exactly one grid, whichever way the rings run', () => {
    const westClockwise: GridShape<string> = { id: 'west', polygon: poly([...square(lng, lat, s)].reverse()) };
    const grids = [westClockwise, east];
    const index = GridIndex.build(grids);
    for (let t = 0.05; t < 1; t += 0.1) {
      const onEdge: Pt = [lng + s, lat + t * s];
      expect(claimants(grids, onEdge)).toHaveLength(1);
      expect(index.lookup(...onEdge)).toBe(claimants(grids, onEdge)[0]);
      expect(index.lookup(...onEdge)).toBe(index.linearLookup(...onEdge));
    }
  });

  it('gives points on a slanted shared edge with awkward coordinates to exactly one grid', () => {
    const a: Pt = [113.2641234567, 23.1290987654];
    const b: Pt = [113.2659876543, 23.1318765432];
    const left: GridShape<number> = { id: 1, polygon: poly(ring(a, b, [113.262, 23.132], [113.262, 23.129])) };
    const right: GridShape<number> = { id: 2, polygon: poly(ring(b, a, [113.268, 23.129], [113.268, 23.132])) };
    const grids = [left, right];
    const index = GridIndex.build(grids);
    for (let i = 1; i < 200; i++) {
      const t = i / 200;
      const p: Pt = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      expect(claimants(grids, p)).toHaveLength(1);
      expect(index.lookup(...p)).toBe(claimants(grids, p)[0]);
    }
  });

  it('gives points within a few ulps of slanted shared edges to exactly one grid', () => {
    // Rounding differs with the direction an edge is walked in, so naive crossing tests lose or double-count
    // a few of these points; the index must not.
    const rand = seededRandom(2024);
    const wrong: string[] = [];
    for (let trial = 0; trial < 400; trial++) {
      const a: Pt = [113.26 + rand() * 0.01, 23.12 + rand() * 0.01];
      const b: Pt = [a[0] + (rand() - 0.5) * 0.004, a[1] + 0.001 + rand() * 0.003];
      const grids: GridShape<string>[] = [
        { id: 'left', polygon: poly(ring(a, b, [113.25, b[1]], [113.25, a[1]])) },
        { id: 'right', polygon: poly(ring(b, a, [113.28, a[1]], [113.28, b[1]])) },
      ];
      const index = GridIndex.build(grids);
      const ownersOf = claimantsOf(grids);
      for (let i = 0; i < 50; i++) {
        const t = (i + 0.5) / 50;
        const y = a[1] + (b[1] - a[1]) * t;
        const x = a[0] + (b[0] - a[0]) * t;
        for (let ulps = -3; ulps <= 3; ulps++) {
          const p: Pt = [x + ulps * x * Number.EPSILON, y];
          const owners = ownersOf(p);
          if (owners.length !== 1 || index.lookup(...p) !== owners[0]) wrong.push(`${p}: ${owners.join('/')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives a vertex shared by four grids to exactly one of them', () => {
    const grids: GridShape<string>[] = [
      { id: 'sw', polygon: poly(square(lng, lat, s)) },
      { id: 'se', polygon: poly(square(lng + s, lat, s)) },
      { id: 'nw', polygon: poly(square(lng, lat + s, s)) },
      { id: 'ne', polygon: poly(square(lng + s, lat + s, s)) },
    ];
    const index = GridIndex.build(grids);
    const centre: Pt = [lng + s, lat + s];
    expect(claimants(grids, centre)).toHaveLength(1);
    expect(index.lookup(...centre)).toBe(claimants(grids, centre)[0]);
  });

  it('gives overlapping grids a point in build order, in the indexed and the linear lookup alike', () => {
    const big: GridShape<string> = { id: 'big', polygon: poly(square(0, 0, 10)) };
    const small: GridShape<string> = { id: 'small', polygon: poly(square(2, 2, 1)) };
    expect(GridIndex.build([big, small]).lookup(2.5, 2.5)).toBe('big');
    expect(GridIndex.build([small, big]).lookup(2.5, 2.5)).toBe('small');
    expect(GridIndex.build([small, big]).linearLookup(2.5, 2.5)).toBe('small');
  });

  it('rejects geometry that is not a usable polygon', () => {
    const bad = (polygon: unknown) => () => GridIndex.build([{ id: 7, polygon: polygon as GeoJsonPolygon }]);
    expect(bad({ type: 'Point', coordinates: [113, 23] })).toThrow(GridGeometryError);
    expect(bad({ type: 'Polygon', coordinates: [] })).toThrow(GridGeometryError);
    expect(bad(poly(ring([0, 0], [1, 1])))).toThrow(/grid 7/);
    expect(bad(poly([[0, 0], [1, Number.NaN], [1, 1], [0, 0]]))).toThrow(GridGeometryError);
  });

  it('accepts rings whether or not they repeat the first position at the end', () => {
    const open: GridShape<number> = { id: 1, polygon: poly([[0, 0], [1, 0], [1, 1], [0, 1]]) };
    expect(GridIndex.build([open]).lookup(0.5, 0.5)).toBe(1);
  });

  describe('on generated tilings', () => {
    it.each([
      [1, 8],
      [2, 16],
      [3, 4],
    ])('agrees with the linear scan on random points (seed %i, node size %i)', (seed, nodeSize) => {
      const tiling = generateTiling({ cols: 23, rows: 17, seed, enclaveEvery: 7 });
      const index = GridIndex.build(tiling.grids, { nodeSize });
      const rand = seededRandom(seed * 101);
      const [x0, y0, x1, y1] = tiling.bbox;
      let found = 0;
      const disagreements: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        // Sample a margin around the area too, so misses are covered.
        const x = x0 - 0.003 + rand() * (x1 - x0 + 0.006);
        const y = y0 - 0.003 + rand() * (y1 - y0 + 0.006);
        const expected = index.linearLookup(x, y);
        const actual = index.lookup(x, y);
        if (actual !== expected) disagreements.push(`${x},${y}: ${actual} vs ${expected}`);
        if (expected !== null) found++;
      }
      expect(disagreements).toEqual([]);
      expect(found).toBeGreaterThan(15_000);
      expect(found).toBeLessThan(20_000);
    });

    it('gives every point inside the tiled area exactly one grid, vertices and edge points included', () => {
      const tiling = generateTiling({ cols: 9, rows: 7, seed: 42, enclaveEvery: 4 });
      const index = GridIndex.build(tiling.grids);
      const [x0, y0, x1, y1] = tiling.bbox;
      const inside = ([x, y]: Pt) => x > x0 && x < x1 && y > y0 && y < y1;
      const rand = seededRandom(9);
      const edgePoints: Pt[] = [];
      for (const grid of tiling.grids) {
        const r = grid.polygon.coordinates[0];
        for (let i = 0; i + 1 < r.length; i++) {
          const t = rand();
          edgePoints.push([r[i][0] + (r[i + 1][0] - r[i][0]) * t, r[i][1] + (r[i + 1][1] - r[i][1]) * t]);
        }
      }
      const samples = [...tiling.vertices, ...edgePoints].filter(inside);
      expect(samples.length).toBeGreaterThan(500);
      const ownersOf = claimantsOf(tiling.grids);
      const wrong: string[] = [];
      for (const p of samples) {
        const owners = ownersOf(p);
        const looked = [index.lookup(...p), index.linearLookup(...p)];
        if (owners.length !== 1 || looked[0] !== owners[0] || looked[1] !== owners[0]) {
          wrong.push(`${p}: owners ${owners.join('/')}, lookup ${looked.join('/')}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
