import { seededRandom } from '../../grids/grid-tiling';
import { edgesContain, GeoJsonPolygon, polygonContains, polygonEdges } from '../../grids/point-in-polygon';
import { DEMO_ORG } from './seed-demo-district';

/** Shoelace area in square degrees; positive for a counter-clockwise ring. */
function ringArea(ring: number[][]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

const area = (polygon: GeoJsonPolygon) => ringArea(polygon.coordinates[0]);

function directedEdges(polygon: GeoJsonPolygon): string[] {
  const ring = polygon.coordinates[0];
  return ring.slice(1).map((p, i) => `${ring[i][0]},${ring[i][1]}>${p[0]},${p[1]}`);
}

const reversed = (edge: string) => edge.split('>').reverse().join('>');

/**
 * The edges the pieces leave unpaired. Pieces tile their parent exactly (no gap, no overlap, shared
 * vertices identical) when every inner edge is walked once each way by two neighbours and what is left
 * is precisely the parent's own outline, walked the same way round.
 */
function unpairedEdges(pieces: GeoJsonPolygon[]): string[] {
  const counts = new Map<string, number>();
  for (const piece of pieces) for (const edge of directedEdges(piece)) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  return [...counts.entries()].flatMap(([edge, n]) => (counts.has(reversed(edge)) ? [] : Array<string>(n).fill(edge)));
}

const { district, streets, communities, grids } = DEMO_ORG;
const gridsOf = (communityCode: string) => grids.filter((g) => g.communityCode === communityCode);
const communitiesOf = (streetCode: string) => communities.filter((c) => c.streetCode === streetCode);

describe('demo district tiling', () => {
  it('has the promised size: four streets, at least eight communities and sixty grids', () => {
    expect(streets.map((s) => s.name).sort()).toEqual(['光塔街道', '六榕街道', '北京街道', '洪桥街道'].sort());
    expect(communities.length).toBeGreaterThanOrEqual(8);
    expect(grids.length).toBeGreaterThanOrEqual(60);
    for (const c of communities) expect(gridsOf(c.code).length).toBeGreaterThanOrEqual(4);
  });

  it('lies around Yuexiu centre in GCJ-02', () => {
    for (const [lng, lat] of district.outline.coordinates[0]) {
      expect(lng).toBeGreaterThan(113.25);
      expect(lng).toBeLessThan(113.305);
      expect(lat).toBeGreaterThan(23.11);
      expect(lat).toBeLessThan(23.15);
    }
  });

  it('runs every ring counter-clockwise and closed', () => {
    for (const polygon of [district.outline, ...streets.map((s) => s.outline), ...communities.map((c) => c.outline), ...grids.map((g) => g.polygon)]) {
      const ring = polygon.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringArea(ring)).toBeGreaterThan(0);
    }
  });

  it('tiles each community with its grids, sharing exact edge vertices', () => {
    for (const community of communities) {
      const pieces = gridsOf(community.code).map((g) => g.polygon);
      expect(unpairedEdges(pieces).sort()).toEqual(directedEdges(community.outline).sort());
      const sum = pieces.reduce((total, p) => total + area(p), 0);
      expect(sum).toBeCloseTo(area(community.outline), 12);
    }
  });

  it('tiles each street with its communities and the district with its streets', () => {
    for (const street of streets) {
      expect(unpairedEdges(communitiesOf(street.code).map((c) => c.outline)).sort()).toEqual(directedEdges(street.outline).sort());
    }
    expect(unpairedEdges(streets.map((s) => s.outline)).sort()).toEqual(directedEdges(district.outline).sort());
    expect(streets.reduce((total, s) => total + area(s.outline), 0)).toBeCloseTo(area(district.outline), 12);
  });

  it('puts every sampled point of the district in exactly one grid, inside that grid’s community', () => {
    const rand = seededRandom(7);
    const ring = district.outline.coordinates[0];
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
    const gridEdges = grids.map((g) => ({ grid: g, edges: polygonEdges(g.polygon) }));
    let inside = 0;
    for (let n = 0; n < 3000; n++) {
      const lng = minLng + rand() * (maxLng - minLng);
      const lat = minLat + rand() * (maxLat - minLat);
      const holders = gridEdges.filter(({ edges }) => edgesContain(edges, 0, edges.length, lng, lat)).map(({ grid }) => grid);
      if (!polygonContains(district.outline, lng, lat)) {
        expect(holders).toEqual([]);
        continue;
      }
      inside++;
      expect(holders).toHaveLength(1);
      const community = communities.find((c) => c.code === holders[0].communityCode)!;
      expect(polygonContains(community.outline, lng, lat)).toBe(true);
    }
    expect(inside).toBeGreaterThan(2500);
  });

  it('gives grids irregular shapes rather than identical squares', () => {
    const areas = grids.map((g) => area(g.polygon));
    expect(Math.max(...areas) / Math.min(...areas)).toBeGreaterThan(2);
    expect(new Set(grids.map((g) => g.polygon.coordinates[0].length)).size).toBeGreaterThan(3);
  });
});
