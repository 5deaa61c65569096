import { DataSource } from 'typeorm';
import { seedVolunteerDemo, VolunteerSeedReport } from '../../volunteers/seed/seed-volunteer-demo';
import { seedDemoDistrict, SeedReport } from './seed-demo-district';

export interface DemoSeedReport {
  district: SeedReport;
  volunteers: VolunteerSeedReport;
}

/**
 * Everything the demo shows: the district with its people first, then each feature's demo data on top.
 * Every step is idempotent, so start-up and `npm run seed` may run it any number of times.
 */
export async function seedDemo(dataSource: DataSource): Promise<DemoSeedReport> {
  const district = await seedDemoDistrict(dataSource);
  const volunteers = await seedVolunteerDemo(dataSource);
  return { district, volunteers };
}
