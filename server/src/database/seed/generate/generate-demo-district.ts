/**
 * Writes the demo district (越秀区) to ../data/*.json. Deterministic: the same seed gives byte-identical
 * files, so a change to the generator shows up as a reviewable data diff. The loader reads only the JSON.
 *
 *   npx ts-node server/src/database/seed/generate/generate-demo-district.ts   (or any TS runner)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../../grids/grid-tiling';
import type { SeedCatalogueData, SeedCommunity, SeedGrid, SeedOrgData, SeedPeopleData, SeedStreet } from '../demo-district-data';
import { BlockLattice, CellBlock, partitionBlock } from './block-tiling';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS } from './catalogue';
import { generatePeople } from './people';

const SEED = 440104;

/** Streets by quadrant of the district (Yuexiu's real street offices, roughly where they lie) and their communities. */
const STREETS: Record<'sw' | 'nw' | 'se' | 'ne', { code: string; name: string; communities: string[] }> = {
  sw: { code: '440104004', name: '光塔街道', communities: ['光塔社区', '诗书社区'] },
  nw: { code: '440104003', name: '六榕街道', communities: ['六榕社区', '光孝社区', '旧南海县社区'] },
  se: { code: '440104001', name: '北京街道', communities: ['西湖社区', '盐运西社区', '流水井社区'] },
  ne: { code: '440104002', name: '洪桥街道', communities: ['应元社区', '越华社区', '三眼井社区'] },
};

export function generateDemoDistrict(): { org: SeedOrgData; catalogue: SeedCatalogueData; people: SeedPeopleData } {
  const rand = seededRandom(SEED);
  // 22 × 15 cells of ≈ 200 m over central Yuexiu (GCJ-02 lng 113.256–113.300, lat 23.1155–23.1455).
  const lattice = new BlockLattice(22, 15, { seed: SEED, origin: [113.256, 23.1155], cellSize: 0.002, pointsPerSide: 1 });
  const district = { code: '440104', name: '越秀区', outline: lattice.outline(lattice.whole) };

  const streets: SeedStreet[] = [];
  const communities: SeedCommunity[] = [];
  const grids: SeedGrid[] = [];
  const streetBlocks = partitionBlock(lattice.whole, 4, rand).map((block) => {
    const quadrant = `${block.y0 === 0 ? 's' : 'n'}${block.x0 === 0 ? 'w' : 'e'}` as keyof typeof STREETS;
    return { block, ...STREETS[quadrant] };
  });
  streetBlocks.sort((a, b) => a.code.localeCompare(b.code));
  if (new Set(streetBlocks.map((s) => s.code)).size !== 4) throw new Error('streets must fall one per quadrant');

  for (const street of streetBlocks) {
    streets.push({ code: street.code, name: street.name, outline: lattice.outline(street.block) });
    const communityBlocks = partitionBlock(street.block, street.communities.length, rand);
    communityBlocks.forEach((communityBlock: CellBlock, c) => {
      const community: SeedCommunity = {
        code: `${street.code}${String(c + 1).padStart(3, '0')}`,
        key: `c${String(communities.length + 1).padStart(2, '0')}`,
        name: street.communities[c],
        streetCode: street.code,
        outline: lattice.outline(communityBlock),
      };
      communities.push(community);
      const gridBlocks = partitionBlock(communityBlock, 6 + Math.floor(rand() * 3), rand);
      gridBlocks.forEach((gridBlock, g) => {
        grids.push({
          code: `${community.code}-${String(g + 1).padStart(2, '0')}`,
          key: `g${String(grids.length + 1).padStart(3, '0')}`,
          name: `${community.name}第${g + 1}网格`,
          communityCode: community.code,
          polygon: lattice.outline(gridBlock),
        });
      });
    });
  }

  const catalogue = { departments: DEMO_DEPARTMENTS, categories: DEMO_CATEGORIES };
  const people = generatePeople(district, DEMO_DEPARTMENTS, communities, grids, rand);
  return { org: { district, streets, communities, grids }, catalogue, people };
}

/** Two-space JSON, but each [lng, lat] pair on one line so polygons stay readable in a diff. */
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n';
}

/** One record a line: people and catalogue rows are short, and a diff then shows exactly whose data changed. */
function toJsonLines(value: Record<string, unknown[]>): string {
  const sections = Object.entries(value).map(
    ([key, rows]) => `  ${JSON.stringify(key)}: [\n${rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`,
  );
  return `{\n${sections.join(',\n')}\n}\n`;
}

if (require.main === module) {
  const { org, catalogue, people } = generateDemoDistrict();
  const dir = join(__dirname, '..', 'data');
  writeFileSync(join(dir, 'org.json'), toJson(org));
  writeFileSync(join(dir, 'catalogue.json'), toJsonLines({ ...catalogue }));
  writeFileSync(join(dir, 'people.json'), toJsonLines({ ...people }));
  process.stdout.write(
    `wrote ${org.streets.length} streets, ${org.communities.length} communities, ${org.grids.length} grids, ` +
      `${catalogue.departments.length} departments, ${catalogue.categories.length} categories, ${people.users.length} users\n`,
  );
}
