import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { openSqliteScratch } from '../../database/seed/testing/scratch-database';
import { seedDemoDistrict } from '../../database/seed/seed-demo-district';
import { PointsLedgerLine } from '../../points/points-ledger-line.entity';
import { PartyMemberCheckIn } from '../entities/party-member-check-in.entity';
import { VolunteerActivity } from '../entities/volunteer-activity.entity';
import { VolunteerSignup } from '../entities/volunteer-signup.entity';
import { demoIdNumber, idNumberCheckCharacter, seedVolunteerDemo } from './seed-volunteer-demo';

describe('volunteer demo seed', () => {
  let ds: DataSource;
  const now = new Date('2026-05-20T04:00:00Z');

  beforeAll(async () => {
    ds = await openSqliteScratch();
    await seedDemoDistrict(ds);
  });
  afterAll(() => ds?.destroy());

  it('checks every seeded party member in, holds past activities with certified hours and upcoming ones with a waiting list, and adds nothing when run again', async () => {
    const first = await seedVolunteerDemo(ds, now);
    expect(first.partyOrganizations).toBe(4);
    expect(first.activities).toBe(7);
    expect(first.partyMemberCheckIns).toBeGreaterThanOrEqual(30);
    expect(first.serviceRecords).toBe(6 + 5 + 4 + 5);

    const upcoming = await ds.getRepository(VolunteerActivity).findOneByOrFail({ title: '楼道杂物清理' });
    expect(upcoming.startsAt.getTime()).toBeGreaterThan(now.getTime());
    const waiting = await ds.getRepository(VolunteerSignup).countBy({ activityId: upcoming.id, status: 'waitlisted' });
    expect(waiting).toBe(2);
    expect(await ds.getRepository(PartyMemberCheckIn).countBy({ status: 'confirmed' })).toBe(first.partyMemberCheckIns);
    const earned = await ds.getRepository(PointsLedgerLine).countBy({ ruleCode: 'volunteer_hour' });
    expect(earned).toBe(first.serviceRecords);

    const ledgerBefore = await ds.getRepository(PointsLedgerLine).count();
    expect(await seedVolunteerDemo(ds, now)).toEqual(first);
    expect(await ds.getRepository(PointsLedgerLine).count()).toBe(ledgerBefore);
  });

  it('makes well-formed fictitious ID numbers: Yuexiu prefix, a real birth date, the GB 11643 check character', () => {
    // The standard's own worked example.
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    const id = demoIdNumber(7);
    expect(id).toMatch(/^440104(\d{8})\d{3}[\dX]$/);
    const birth = id.slice(6, 14);
    expect(new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`).toString()).not.toBe('Invalid Date');
    expect(id[17]).toBe(idNumberCheckCharacter(id.slice(0, 17)));
    expect(demoIdNumber(8)).not.toBe(id);
  });
});
