import { boxAround, distanceMeters, type LngLatBox, SERVICE_AREA_MARGIN_METERS, withinServiceArea } from '@linli/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Community } from '../grids/community.entity';
import { District } from '../grids/district.entity';
import { Grid } from '../grids/grid.entity';
import { GridIndex } from '../grids/grid-index';
import { GeoJsonPolygon } from '../grids/point-in-polygon';
import { Street } from '../grids/street.entity';

/** Where a reported point sits in the tree. gridId/communityId are null for a point outside every grid. */
export interface CasePlace {
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
}

/** A point outside every grid but this close to one goes to that grid's street; farther out, to the district. */
export const NEAREST_STREET_MAX_METERS = 3000;

interface GridInfo {
  communityId: number;
  streetId: number;
  districtId: number;
  centre: { lng: number; lat: number };
}

interface Built {
  stamp: string;
  index: GridIndex<number>;
  info: Map<number, GridInfo>;
  fallbackDistrictId: number | null;
  /** The bounding box of every grid; with SERVICE_AREA_MARGIN_METERS around it, where the district serves. */
  area: LngLatBox | null;
}

/**
 * How long the grid index is trusted before the grids table is checked for changes again. Grids change
 * rarely (the district redraws them, an administrator adds one); a point that falls outside every known
 * grid always re-checks at once, so a grid added moments ago is used from the next report on.
 */
export const CASE_GRIDS_FRESH_MS = 5_000;

/**
 * Point → grid → community → street → district, with one GridIndex built lazily from the grids table.
 * The index is rebuilt when the grids change (their count or highest id). That check is one small query,
 * made at most every CASE_GRIDS_FRESH_MS, and whenever a point lands outside every grid in the index.
 */
@Injectable()
export class CaseLocationService {
  private built: Built | null = null;
  private building: Promise<Built> | null = null;
  private checkedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The place of a point, or null when it lies outside the district's service area (its grids' bounding box and
   * a margin): (0,0) from a phone without a fix, or a point in another city, is refused rather than queued.
   */
  async locate(lng: number, lat: number): Promise<CasePlace | null> {
    const trusted = this.built !== null && Date.now() - this.checkedAt < CASE_GRIDS_FRESH_MS;
    let built = trusted && this.built ? this.built : await this.current();
    let gridId = built.index.lookup(lng, lat);
    if (gridId === null && trusted) {
      // Outside every grid we know: a grid added since the last check may hold the point.
      built = await this.current();
      gridId = built.index.lookup(lng, lat);
    }
    if (gridId !== null) {
      const info = built.info.get(gridId)!;
      return { districtId: info.districtId, streetId: info.streetId, communityId: info.communityId, gridId };
    }
    if (built.area && !withinServiceArea(built.area, { lng, lat }, SERVICE_AREA_MARGIN_METERS)) return null;
    let nearest: GridInfo | null = null;
    let nearestMeters = Infinity;
    for (const info of built.info.values()) {
      const meters = distanceMeters({ lng, lat }, info.centre);
      if (meters < nearestMeters) {
        nearest = info;
        nearestMeters = meters;
      }
    }
    if (nearest && nearestMeters <= NEAREST_STREET_MAX_METERS) return { districtId: nearest.districtId, streetId: nearest.streetId, communityId: null, gridId: null };
    const districtId = nearest?.districtId ?? built.fallbackDistrictId;
    return districtId === null ? null : { districtId, streetId: null, communityId: null, gridId: null };
  }

  /** Whether a point lies in the district's service area (see locate); true while there are no grids at all. */
  async inServiceArea(lng: number, lat: number): Promise<boolean> {
    const inside = (built: Built) => built.area === null || withinServiceArea(built.area, { lng, lat }, SERVICE_AREA_MARGIN_METERS);
    const trusted = this.built !== null && Date.now() - this.checkedAt < CASE_GRIDS_FRESH_MS;
    if (trusted && this.built && inside(this.built)) return true;
    // Outside the grids we know: a grid added since the last check may reach the point.
    return inside(await this.current());
  }

  /** Drops the index; the next lookup rebuilds it. */
  invalidate(): void {
    this.built = null;
  }

  /** The index for the grids as they are now: one stamp query, a rebuild only when the stamp moved. */
  private async current(): Promise<Built> {
    const stamp = await this.stamp();
    this.checkedAt = Date.now();
    if (this.built?.stamp === stamp) return this.built;
    if (!this.building) {
      this.building = this.build(stamp).finally(() => (this.building = null));
    }
    this.built = await this.building;
    return this.built;
  }

  private async stamp(): Promise<string> {
    const row = await this.dataSource.getRepository(Grid).createQueryBuilder('g').select('COUNT(*)', 'n').addSelect('MAX(g.id)', 'max').getRawOne<{ n: number | string; max: number | string | null }>();
    return `${row?.n ?? 0}/${row?.max ?? 0}`;
  }

  private async build(stamp: string): Promise<Built> {
    const [grids, communities, streets, district] = await Promise.all([
      this.dataSource.getRepository(Grid).find({ order: { id: 'ASC' } }),
      this.dataSource.getRepository(Community).find(),
      this.dataSource.getRepository(Street).find(),
      this.dataSource.getRepository(District).findOne({ where: {}, order: { id: 'ASC' } }),
    ]);
    const streetOf = new Map(communities.map((c) => [c.id, c.streetId]));
    const districtOf = new Map(streets.map((s) => [s.id, s.districtId]));
    const info = new Map<number, GridInfo>();
    const shapes = grids.map((grid) => {
      const streetId = streetOf.get(grid.communityId)!;
      info.set(grid.id, {
        communityId: grid.communityId,
        streetId,
        districtId: districtOf.get(streetId)!,
        centre: { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 },
      });
      return { id: grid.id, polygon: JSON.parse(grid.polygon) as GeoJsonPolygon };
    });
    return { stamp, index: GridIndex.build(shapes), info, fallbackDistrictId: district?.id ?? null, area: boxAround(grids) };
  }
}
