import { DataSource } from 'typeorm';
import { CaseRouter } from '../../server/src/dispatch/case-router.service';
import type { CasePlace } from '../../server/src/dispatch/case-location.service';
import { Community } from '../../server/src/grids/community.entity';
import { Grid } from '../../server/src/grids/grid.entity';
import { Street } from '../../server/src/grids/street.entity';
import { startTestApp, TestApp } from './support/test-app';

/** Counts the roster SELECTs the data source runs from now on. */
function countRosterReads(dataSource: DataSource): { reads(): number } {
  let count = 0;
  const query = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, ...rest: unknown[]) => {
    if (/FROM duty_shifts/.test(sql)) count++;
    return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof dataSource.query;
  return { reads: () => count };
}

describe('case routing: roster reads shared by reports arriving together', () => {
  let t: TestApp;
  let places: CasePlace[];
  beforeAll(async () => {
    t = await startTestApp();
    const [grids, communities, streets] = await Promise.all([
      t.dataSource.getRepository(Grid).find({ order: { id: 'ASC' } }),
      t.dataSource.getRepository(Community).find(),
      t.dataSource.getRepository(Street).find(),
    ]);
    const community = new Map(communities.map((c) => [c.id, c]));
    const street = new Map(streets.map((s) => [s.id, s]));
    // Every fifth grid of the demo district: several communities, each with its own workers and dispatchers.
    places = grids
      .filter((_, i) => i % 5 === 0)
      .map((grid) => {
        const streetId = community.get(grid.communityId)!.streetId;
        return { gridId: grid.id, communityId: grid.communityId, streetId, districtId: street.get(streetId)!.districtId };
      });
  });
  afterAll(() => t.close());

  // Monday 10:00 and Sunday 03:00 in Shanghai: grid workers on their day shifts, and the dispatchers at night.
  it.each([['2026-11-23T02:00:00Z'], ['2026-11-21T19:00:00Z']])('routes each report as a read of its own would, at %s', async (iso) => {
    const now = new Date(iso);
    const router = t.app.get(CaseRouter);
    const alone = [];
    for (const place of places) alone.push(await t.dataSource.transaction((m) => router.route(m, place, true, now)));
    const unsure = [];
    for (const place of places.slice(0, 3)) unsure.push(await t.dataSource.transaction((m) => router.route(m, place, false, now)));

    const counted = countRosterReads(t.dataSource);
    const together = await Promise.all(places.map((place) => router.route(null, place, true, now)));
    const unsureTogether = await Promise.all(places.slice(0, 3).map((place) => router.route(null, place, false, now)));

    expect(together).toEqual(alone);
    expect(unsureTogether).toEqual(unsure);
    expect(new Set(together.map((d) => d.handlerUserId)).size).toBeGreaterThan(1);
    expect(counted.reads()).toBeLessThanOrEqual(2);
  });
});
