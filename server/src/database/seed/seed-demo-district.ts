import { DataSource } from 'typeorm';

/** How many rows of each kind the demo district holds after seeding (totals, not rows inserted this run). */
export interface SeedReport {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  departments: number;
  problemCategories: number;
  users: number;
  roleGrants: number;
  households: number;
  residencies: number;
  dutyShifts: number;
}

/** Loads the demo district (越秀区) from the committed JSON; safe to run again, it upserts by natural keys. */
export async function seedDemoDistrict(dataSource: DataSource): Promise<SeedReport> {
  // Filled in by the loader below; kept callable so start-up code can wire it in already.
  void dataSource;
  throw new Error('seedDemoDistrict is not implemented yet');
}
