import type { VolunteerActivityView } from '@linli/shared';
import { PointsLedgerLine } from '../../server/src/points/points-ledger-line.entity';
import { VolunteerAttendance } from '../../server/src/volunteers/entities/volunteer-attendance.entity';
import { VolunteerServiceRecord } from '../../server/src/volunteers/entities/volunteer-service-record.entity';
import { VolunteerClock } from '../../server/src/volunteers/volunteer-clock';
import { createOrgTree, createUser, OrgTree } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const PLACE = { lng: 113.2644, lat: 23.1291 };
const northOf = (metres: number) => ({ lng: PLACE.lng, lat: PLACE.lat + metres / 111_000 });

describe('organisers edit and cancel volunteer activities; the activity view carries the caller’s attendance', () => {
  let t: TestApp;
  let org: OrgTree;
  let now: Date;
  let committeeToken: string;

  /** Each test gets its own day, on a whole hour, so the activities never overlap. */
  let day = 0;
  const dayStart = () => new Date(Math.ceil(Date.now() / (60 * MINUTE)) * 60 * MINUTE + (2 + day++) * 24 * 60 * MINUTE);

  const as = (token: string) => ({
    get: (url: string) => t.request.get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body?: object) => t.request.post(url).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    patch: (url: string, body?: object) => t.request.patch(url).set('Authorization', `Bearer ${token}`).send(body ?? {}),
  });

  const resident = async (name: string) => {
    const user = await createUser(t.dataSource, { name });
    return { user, token: await t.tokenFor(user.id) };
  };

  /** Publishes a two-hour activity starting at `start`, with the clock a day before it. */
  const publish = async (start: Date, overrides: Record<string, unknown> = {}): Promise<VolunteerActivityView> => {
    now = new Date(start.getTime() - 24 * 60 * MINUTE);
    const res = await as(committeeToken).post(`/api/communities/${org.community.id}/volunteer-activities`, {
      title: '长者饭堂送餐',
      themeCode: 'elder_meals',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 120 * MINUTE).toISOString(),
      placeName: '社区长者饭堂',
      place: PLACE,
      radiusMeters: 200,
      capacity: 2,
      ...overrides,
    });
    expect(res.status).toBe(201);
    return res.body as VolunteerActivityView;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
    jest.spyOn(t.app.get(VolunteerClock), 'now').mockImplementation(() => new Date(now.getTime()));
    org = await createOrgTree(t.dataSource, { names: { community: '洪桥社区' } });
    const committee = await createUser(t.dataSource, { name: '居委会黄主任', grants: [{ role: 'community_committee', scopeId: org.community.id }] });
    committeeToken = await t.tokenFor(committee.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('editing', () => {
    it('changes title, time, place and requirements before the start, keeping everyone who signed up', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const alice = await resident('陈阿姨');
      expect((await as(alice.token).post(`/api/volunteers/activities/${activity.id}/signups`)).status).toBe(201);

      const newStart = new Date(start.getTime() + 60 * MINUTE);
      const res = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, {
        title: '长者饭堂送餐（改期）',
        requirements: '请穿志愿者马甲',
        startsAt: newStart.toISOString(),
        endsAt: new Date(newStart.getTime() + 90 * MINUTE).toISOString(),
        placeName: '北京街长者饭堂',
        place: northOf(500),
        radiusMeters: 300,
      });
      expect(res.status).toBe(200);
      const edited = res.body as VolunteerActivityView;
      expect(edited.title).toBe('长者饭堂送餐（改期）');
      expect(edited.requirements).toBe('请穿志愿者马甲');
      expect(edited.startsAt).toBe(newStart.toISOString());
      expect(edited.placeName).toBe('北京街长者饭堂');
      expect(edited.place!.lat).toBeCloseTo(northOf(500).lat, 6);
      expect(edited.radiusMeters).toBe(300);
      expect(edited.themeCode).toBe('elder_meals');
      expect(edited.capacity).toBe(2);
      expect(edited.confirmedCount).toBe(1);

      const seenByAlice = (await as(alice.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(seenByAlice.title).toBe('长者饭堂送餐（改期）');
      expect(seenByAlice.mySignup?.status).toBe('confirmed');
    });

    it('validates the edited activity with the same rules as publishing', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const backwards = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, {
        endsAt: new Date(start.getTime() - 30 * MINUTE).toISOString(),
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.error).toBe('invalid_time_range');

      const radius = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, { radiusMeters: 5 });
      expect(radius.status).toBe(422);
      expect(radius.body.error).toBe('invalid_radius');

      const unknownField = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, { capacity: 1 });
      expect(unknownField.status).toBe(400);

      const unchanged = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(unchanged.endsAt).toBe(activity.endsAt);
      expect(unchanged.radiusMeters).toBe(200);
      expect(unchanged.capacity).toBe(2);
    });

    it('refuses edits from a resident and once the activity has started', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const bob = await resident('林伯');
      const byResident = await as(bob.token).patch(`/api/volunteers/activities/${activity.id}`, { title: '我来改一下' });
      expect(byResident.status).toBe(403);

      now = new Date(start.getTime() + 5 * MINUTE);
      const late = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, { title: '开始后再改' });
      expect(late.status).toBe(409);
      expect(late.body.error).toBe('activity_started');
      expect(((await as(committeeToken).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView).title).toBe('长者饭堂送餐');
    });
  });

  describe('cancelling', () => {
    it('shows the cancellation and its reason to everyone who signed up and closes sign-up', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const alice = await resident('何姨');
      expect((await as(alice.token).post(`/api/volunteers/activities/${activity.id}/signups`)).status).toBe(201);

      const res = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '  暴雨红色预警，活动取消  ' });
      expect(res.status).toBe(200);
      expect(res.body.cancelledAt).toBe(now.toISOString());
      expect(res.body.cancelReason).toBe('暴雨红色预警，活动取消');

      const seenByAlice = (await as(alice.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(seenByAlice.cancelledAt).toBe(now.toISOString());
      expect(seenByAlice.cancelReason).toBe('暴雨红色预警，活动取消');
      expect(seenByAlice.mySignup?.status).toBe('confirmed');
      const listed = (await as(alice.token).get(`/api/communities/${org.community.id}/volunteer-activities`)).body as VolunteerActivityView[];
      expect(listed.find((a) => a.id === activity.id)?.cancelReason).toBe('暴雨红色预警，活动取消');

      const carol = await resident('迟来的居民');
      const signUp = await as(carol.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      expect(signUp.status).toBe(409);
      expect(signUp.body.error).toBe('activity_cancelled');
      expect(signUp.body.message).toBe('活动已取消');

      const withdraw = await t.request.delete(`/api/volunteers/activities/${activity.id}/signups/me`).set('Authorization', `Bearer ${alice.token}`);
      expect(withdraw.status).toBe(409);
      expect(withdraw.body.error).toBe('activity_cancelled');
      const capacity = await t.request.put(`/api/volunteers/activities/${activity.id}/capacity`).set('Authorization', `Bearer ${committeeToken}`).send({ capacity: 10 });
      expect(capacity.status).toBe(409);
      expect(capacity.body.error).toBe('activity_cancelled');

      const editAfter = await as(committeeToken).patch(`/api/volunteers/activities/${activity.id}`, { title: '恢复活动' });
      expect(editAfter.status).toBe(409);
      expect(editAfter.body.error).toBe('activity_cancelled');
      const twice = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '再取消一次' });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe('activity_cancelled');
    });

    it('refuses check-in at a cancelled activity, and no service record or points come of it', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const dan = await resident('邓叔');
      expect((await as(dan.token).post(`/api/volunteers/activities/${activity.id}/signups`)).status).toBe(201);
      const pointsBefore = await t.dataSource.getRepository(PointsLedgerLine).countBy({ userId: dan.user.id });

      now = new Date(start.getTime() - 20 * MINUTE);
      expect((await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '场地临时停电' })).status).toBe(200);

      const checkIn = await as(dan.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { position: northOf(10) });
      expect(checkIn.status).toBe(409);
      expect(checkIn.body.error).toBe('activity_cancelled');

      now = new Date(start.getTime() + 60 * MINUTE);
      const recorded = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/attendances`, {
        userId: dan.user.id,
        checkInAt: start.toISOString(),
        checkOutAt: new Date(start.getTime() + 60 * MINUTE).toISOString(),
        reason: '手机没电无法扫码',
      });
      expect(recorded.status).toBe(409);
      expect(recorded.body.error).toBe('activity_cancelled');

      expect(await t.dataSource.getRepository(VolunteerAttendance).countBy({ activityId: activity.id })).toBe(0);
      expect(await t.dataSource.getRepository(VolunteerServiceRecord).countBy({ activityId: activity.id })).toBe(0);
      expect(await t.dataSource.getRepository(PointsLedgerLine).countBy({ userId: dan.user.id })).toBe(pointsBefore);
    });

    it('refuses cancellation by a resident, without a reason, and after the start', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const eve = await resident('居民小吴');
      const byResident = await as(eve.token).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '我不想去了' });
      expect(byResident.status).toBe(403);

      const blank = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '   ' });
      expect(blank.status).toBe(422);
      expect(blank.body.error).toBe('cancel_reason_required');

      now = new Date(start.getTime() + MINUTE);
      const late = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/cancel`, { reason: '人太少' });
      expect(late.status).toBe(409);
      expect(late.body.error).toBe('activity_started');

      const view = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(view.cancelledAt).toBeNull();
      expect(view.cancelReason).toBeNull();
    });
  });

  describe('my attendance in the activity view', () => {
    it('shows the caller’s own check-in and check-out after a reload, and nothing to others', async () => {
      const start = dayStart();
      const activity = await publish(start);
      const fay = await resident('方姐');
      const gus = await resident('郭生');
      expect((await as(fay.token).post(`/api/volunteers/activities/${activity.id}/signups`)).status).toBe(201);
      expect(((await as(fay.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView).myAttendance).toBeNull();

      now = new Date(start.getTime() - 5 * MINUTE);
      expect((await as(fay.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { position: northOf(20) })).status).toBe(200);
      const checkedIn = (await as(fay.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(checkedIn.myAttendance?.userId).toBe(fay.user.id);
      expect(checkedIn.myAttendance?.checkInAt).toBe(now.toISOString());
      expect(checkedIn.myAttendance?.checkOutAt).toBeNull();
      expect(((await as(gus.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView).myAttendance).toBeNull();

      now = new Date(start.getTime() + 45 * MINUTE);
      expect((await as(fay.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-out`, { position: northOf(20) })).status).toBe(200);
      const listed = (await as(fay.token).get(`/api/communities/${org.community.id}/volunteer-activities`)).body as VolunteerActivityView[];
      const mine = listed.find((a) => a.id === activity.id)!.myAttendance;
      expect(mine?.checkOutAt).toBe(now.toISOString());
      expect(mine?.minutes).toBe(45);
    });
  });
});
