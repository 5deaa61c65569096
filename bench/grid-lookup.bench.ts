/**
 * Point-in-grid lookup: the flatbush-backed GridIndex against the linear scan over every polygon, on the
 * same 2,000 generated grids and the same random points, in one run. Throws (exit code 1 on its own) if
 * the two ever disagree.
 */
import { GridIndex } from '../server/src/grids/grid-index';
import { generateTiling, seededRandom } from '../server/src/grids/grid-tiling';

const COLS = 50;
const ROWS = 40;
const POINTS = 100_000;
const MIN_TIMED_MS = 300;

export interface GridLookupBenchResult {
  polygons: number;
  points: number;
  indexedPerSecond: number;
  linearPerSecond: number;
  speedUp: number;
}

/** Runs fn over all points repeatedly until at least MIN_TIMED_MS have passed; returns lookups per second. */
function measure(points: Float64Array, out: Int32Array, fn: (lng: number, lat: number) => number | null): number {
  const n = points.length / 2;
  let lookups = 0;
  const started = process.hrtime.bigint();
  let elapsedNs = 0n;
  do {
    for (let i = 0; i < n; i++) out[i] = fn(points[2 * i], points[2 * i + 1]) ?? -1;
    lookups += n;
    elapsedNs = process.hrtime.bigint() - started;
  } while (elapsedNs < BigInt(MIN_TIMED_MS) * 1_000_000n);
  return lookups / (Number(elapsedNs) / 1e9);
}

export default async function run(): Promise<GridLookupBenchResult> {
  const tiling = generateTiling({ cols: COLS, rows: ROWS, seed: 7, pointsPerSide: 3 });
  const index = GridIndex.build(tiling.grids);
  const rand = seededRandom(11);
  const [x0, y0, x1, y1] = tiling.bbox;
  const points = new Float64Array(POINTS * 2);
  for (let i = 0; i < POINTS; i++) {
    // A small margin outside the area, so misses are part of the load.
    points[2 * i] = x0 - 0.002 + rand() * (x1 - x0 + 0.004);
    points[2 * i + 1] = y0 - 0.002 + rand() * (y1 - y0 + 0.004);
  }

  const indexed = new Int32Array(POINTS);
  const linear = new Int32Array(POINTS);
  const lookup = (lng: number, lat: number) => index.lookup(lng, lat);
  const linearLookup = (lng: number, lat: number) => index.linearLookup(lng, lat);
  // Warm both paths up before timing either.
  measure(points.subarray(0, 2000), indexed, lookup);
  measure(points.subarray(0, 200), linear, linearLookup);

  const indexedPerSecond = measure(points, indexed, lookup);
  const linearPerSecond = measure(points, linear, linearLookup);

  let wrong = 0;
  let misses = 0;
  for (let i = 0; i < POINTS; i++) {
    if (indexed[i] !== linear[i]) wrong++;
    if (linear[i] === -1) misses++;
  }

  const result: GridLookupBenchResult = {
    polygons: index.size,
    points: POINTS,
    indexedPerSecond,
    linearPerSecond,
    speedUp: indexedPerSecond / linearPerSecond,
  };
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(14);
  process.stdout.write(
    [
      `${result.polygons} grids, ${POINTS.toLocaleString('en-US')} random points (${misses} outside every grid)`,
      `${'method'.padEnd(22)}${'lookups/s'.padStart(14)}`,
      `${'GridIndex.lookup'.padEnd(22)}${fmt(indexedPerSecond)}`,
      `${'linearLookup'.padEnd(22)}${fmt(linearPerSecond)}`,
      `${'speed-up'.padEnd(22)}${`${result.speedUp.toFixed(1)}x`.padStart(14)}`,
      `wrong answers: ${wrong}`,
      '',
    ].join('\n'),
  );
  if (wrong > 0) throw new Error(`GridIndex.lookup disagreed with the linear scan on ${wrong} of ${POINTS} points`);
  return result;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
