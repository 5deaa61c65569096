/** GET /api/districts/current and the tree under it. */
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
}

export interface DepartmentSummary {
  id: number;
  name: string;
  code: string;
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
