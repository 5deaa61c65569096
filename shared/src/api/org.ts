/** The public organisation tree under /api/org: district → streets → communities → grids. */
export interface StreetSummary {
  id: number;
  name: string;
  code: string;
}

export interface CommunitySummary {
  id: number;
  name: string;
  code: string;
  streetId: number;
  streetName: string;
}

export interface GridSummary {
  id: number;
  name: string;
  code: string;
  communityId: number;
}

/** A grid with its GeoJSON polygon (GCJ-02 lng/lat). */
export interface GridDetail extends GridSummary {
  polygon: { type: 'Polygon'; coordinates: number[][][] };
  /** [minLng, minLat, maxLng, maxLat] of the polygon, for fitting a map view. */
  bbox?: [number, number, number, number];
}

/** GET /api/org/district: the district with its streets. */
export interface DistrictTree {
  id: number;
  code: string;
  name: string;
  streets: StreetSummary[];
}

/** GET /api/org/communities/:id: a community with its grids (polygons via /api/org/grids). */
export interface CommunityDetail extends CommunitySummary {
  grids: GridSummary[];
}

export interface DepartmentSummary {
  id: number;
  name: string;
  code: string;
  /** Public service phone, when the department has one. */
  phone?: string | null;
}

export interface CategorySummary {
  id: number;
  code: string;
  name: string;
  group: string;
  defaultDepartmentId: number;
  responseHours: number;
  resolveHours: number;
  keywords: string[];
}
