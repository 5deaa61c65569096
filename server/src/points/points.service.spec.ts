import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Volunteers1732000004000 } from '../database/migrations/1732000004000-volunteers';
import { FOUNDATION_SCOPE } from '../database/seed/testing/foundation-entities';
import { openSqliteScratch } from '../database/seed/testing/scratch-database';
import { Community } from '../grids/community.entity';
import { District } from '../grids/district.entity';
import { Street } from '../grids/street.entity';
import { User } from '../users/user.entity';
import { VOLUNTEER_ENTITIES } from '../volunteers/entities';
import { PointsAccount } from './points-account.entity';
import { PointsService } from './points.service';

describe('PointsService on a real database', () => {
  let ds: DataSource;
  let points: PointsService;
  let communityId: number;
  let otherCommunityId: number;

  const person = async (name: string) => (await ds.getRepository(User).save({ name, realName: name })).id;
  const balance = async (userId: number) => (await ds.getRepository(PointsAccount).findOneBy({ userId }))?.balance ?? 0;
  const hours = (userId: number, recordId: number, quantity: number, now: Date, community = communityId) =>
    ds.transaction((m) =>
      points.award(m, { userId, communityId: community, ruleCode: 'volunteer_hour', quantity, sourceType: 'volunteer_service_record', sourceId: recordId, now }),
    );

  beforeAll(async () => {
    ds = await openSqliteScratch({
      entities: [...(FOUNDATION_SCOPE.entities as Function[]), ...VOLUNTEER_ENTITIES],
      migrations: [Foundation1732000000000, Volunteers1732000004000],
    });
    points = new PointsService(ds);
    const district = await ds.getRepository(District).save({ code: 'D-pts', name: '越秀区' });
    const street = await ds.getRepository(Street).save({ code: 'S-pts', name: '北京街道', districtId: district.id });
    communityId = (await ds.getRepository(Community).save({ code: 'C-pts', name: '登峰社区', streetId: street.id })).id;
    otherCommunityId = (await ds.getRepository(Community).save({ code: 'C-pts2', name: '流花社区', streetId: street.id })).id;
  });

  afterAll(() => ds.destroy());

  it('caps volunteer hours at the rule’s daily points on a Shanghai day and starts afresh the next day', async () => {
    const userId = await person('陈志强');
    // 23:00 and 23:30 Shanghai time on the same day, then 00:30 the next day.
    const lateEvening = new Date('2026-03-10T15:00:00Z');
    expect((await hours(userId, 1, 6, lateEvening))?.points).toBe(60);
    expect((await hours(userId, 2, 3, new Date('2026-03-10T15:30:00Z')))?.points).toBe(20);
    expect(await hours(userId, 3, 1, new Date('2026-03-10T15:45:00Z'))).toBeNull();
    expect((await hours(userId, 4, 1.5, new Date('2026-03-10T16:30:00Z')))?.points).toBe(15);
    expect(await balance(userId)).toBe(95);
  });

  it('writes one line for the same contribution however often it is awarded', async () => {
    const userId = await person('李美玲');
    const now = new Date('2026-04-01T02:00:00Z');
    await hours(userId, 10, 2, now);
    expect(await hours(userId, 10, 2, now)).toBeNull();
    expect((await points.account(userId)).lines).toHaveLength(1);
    expect(await balance(userId)).toBe(20);
  });

  it('reverses an earning once when its source is rejected, keeping the original day for the cap', async () => {
    const userId = await person('黄晓东');
    const earned = await hours(userId, 20, 8, new Date('2026-05-01T02:00:00Z'));
    const reversed = await ds.transaction((m) => points.reverseSource(m, 'volunteer_service_record', 20, new Date('2026-05-03T02:00:00Z')));
    expect(reversed.map((l) => [l.points, l.day, l.reversalOf])).toEqual([[-80, '2026-05-01', earned!.id]]);
    const again = await ds.transaction((m) => points.reverseSource(m, 'volunteer_service_record', 20, new Date('2026-05-04T02:00:00Z')));
    expect(again).toEqual([]);
    expect(await balance(userId)).toBe(0);
    // The cap room on that day is free again once the earning is undone.
    expect((await hours(userId, 21, 8, new Date('2026-05-01T05:00:00Z')))?.points).toBe(80);
  });

  it('ranks a community by points earned there, ties sharing a rank, names masked', async () => {
    const [a, b, c] = [await person('欧阳娜娜'), await person('张三丰'), await person('何婉婷')];
    const now = new Date('2026-06-01T02:00:00Z');
    await hours(a, 30, 3, now, otherCommunityId);
    await hours(b, 31, 3, now, otherCommunityId);
    await hours(c, 32, 1, now, otherCommunityId);
    await hours(c, 33, 7, now, communityId);
    const board = await points.leaderboard(otherCommunityId);
    expect(board).toEqual([
      { rank: 1, userId: a, nameMasked: '欧**娜', points: 30 },
      { rank: 1, userId: b, nameMasked: '张*丰', points: 30 },
      { rank: 3, userId: c, nameMasked: '何*婷', points: 10 },
    ]);
  });
});
