import type { Role, ScopeKind } from '@linli/shared';
import type { ResidencyRelation, ResidencyStatus } from '../../residencies/residency.entity';
import type { GeoJsonPolygon } from '../../grids/point-in-polygon';

/**
 * The shape of the committed demo-district JSON (data/*.json). Everything refers to everything else by
 * natural key (codes, seed keys, addresses), never by database id, so the files load into any database
 * and a second load finds what the first one wrote.
 */

export interface SeedDistrict {
  code: string;
  name: string;
  /** The district's outline; the streets tile it. Not stored, kept for checking the tiling. */
  outline: GeoJsonPolygon;
}

export interface SeedStreet {
  code: string;
  name: string;
  outline: GeoJsonPolygon;
}

export interface SeedCommunity {
  code: string;
  /** Short key used in people's seed keys: c01, c02, … */
  key: string;
  name: string;
  streetCode: string;
  outline: GeoJsonPolygon;
}

export interface SeedGrid {
  code: string;
  /** Short key used in people's seed keys: g001, g002, … */
  key: string;
  name: string;
  communityCode: string;
  polygon: GeoJsonPolygon;
}

export interface SeedOrgData {
  district: SeedDistrict;
  streets: SeedStreet[];
  communities: SeedCommunity[];
  grids: SeedGrid[];
}

export interface SeedDepartment {
  code: string;
  name: string;
  phone: string | null;
}

export interface SeedCategory {
  code: string;
  name: string;
  group: string;
  departmentCode: string;
  responseHours: number;
  resolveHours: number;
  keywords: string[];
}

export interface SeedCatalogueData {
  departments: SeedDepartment[];
  categories: SeedCategory[];
}

/** A scope named by the code of the district, street, community, grid or department it bounds. */
export interface SeedGrant {
  role: Role;
  scopeKind: Exclude<ScopeKind, 'none'>;
  scopeCode: string;
}

export interface SeedUser {
  seedKey: string;
  name: string;
  realName: string;
  phone: string;
  grants: SeedGrant[];
}

export interface SeedShift {
  seedKey: string;
  gridCode: string | null;
  communityCode: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  isDispatcher: boolean;
}

export interface SeedResidency {
  seedKey: string;
  communityCode: string;
  gridCode: string;
  building: string;
  unit: string;
  room: string;
  relation: ResidencyRelation;
  exclusiveArea: number | null;
  status: ResidencyStatus;
}

export interface SeedPeopleData {
  users: SeedUser[];
  shifts: SeedShift[];
  residencies: SeedResidency[];
}
