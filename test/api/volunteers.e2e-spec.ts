import ExcelJS from 'exceljs';
import type { PointsAccountView, VolunteerActivityView, VolunteerAttendanceView, VolunteerServiceHistoryView, VolunteerSignupView } from '@linli/shared';
import { PointsLedgerLine } from '../../server/src/points/points-ledger-line.entity';
import { RoleGrant } from '../../server/src/users/role-grant.entity';
import { VolunteerAttendanceCorrection } from '../../server/src/volunteers/entities/volunteer-attendance-correction.entity';
import { VolunteerServiceRecord } from '../../server/src/volunteers/entities/volunteer-service-record.entity';
import { VolunteerClock } from '../../server/src/volunteers/volunteer-clock';
import { createOrgTree, createUser, OrgTree } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// pdf-parse's index runs a self-test when loaded without a parent module; its library file is the parser itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const MINUTE = 60_000;
const PLACE = { lng: 113.2644, lat: 23.1291 };

/** Reads a binary response body into a Buffer (supertest hands the parser the raw response stream). */
function binary(res: unknown, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** exceljs types its input as the older non-generic Buffer. */
type WorkbookInput = Parameters<InstanceType<typeof ExcelJS.Workbook>['xlsx']['load']>[0];

/** About `metres` north of the activity's place (1° of latitude ≈ 111 km). */
const northOf = (metres: number) => ({ lng: PLACE.lng, lat: PLACE.lat + metres / 111_000 });

describe('party member check-in and volunteer service (/api/volunteers)', () => {
  let t: TestApp;
  let org: OrgTree;
  let now: Date;
  let committeeToken: string;
  let branchToken: string;

  /** A start on a whole hour two days ahead, so stored times survive MariaDB's second precision unchanged. */
  const base = new Date(Math.ceil(Date.now() / (60 * MINUTE)) * 60 * MINUTE + 2 * 24 * 60 * MINUTE);
  const at = (minutesFromStart: number) => new Date(base.getTime() + minutesFromStart * MINUTE);
  const setNow = (date: Date) => {
    now = date;
  };

  const as = (token: string) => ({
    get: (url: string) => t.request.get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body?: object) => t.request.post(url).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    put: (url: string, body?: object) => t.request.put(url).set('Authorization', `Bearer ${token}`).send(body ?? {}),
    delete: (url: string) => t.request.delete(url).set('Authorization', `Bearer ${token}`),
  });

  const resident = async (name: string) => {
    const user = await createUser(t.dataSource, { name });
    return { user, token: await t.tokenFor(user.id) };
  };

  const publish = async (overrides: Record<string, unknown> = {}): Promise<VolunteerActivityView> => {
    const res = await as(committeeToken).post(`/api/communities/${org.community.id}/volunteer-activities`, {
      title: '长者饭堂送餐',
      themeCode: 'elder_meals',
      requirements: '自备电动车优先',
      startsAt: at(0).toISOString(),
      endsAt: at(180).toISOString(),
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
    setNow(at(-24 * 60));
    org = await createOrgTree(t.dataSource, { names: { community: '登峰社区' } });
    const committee = await createUser(t.dataSource, { name: '居委会李主任', grants: [{ role: 'community_committee', scopeId: org.community.id }] });
    const branch = await createUser(t.dataSource, { name: '党支部王书记', grants: [{ role: 'party_branch', scopeId: org.community.id }] });
    committeeToken = await t.tokenFor(committee.id);
    branchToken = await t.tokenFor(branch.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('party check-in', () => {
    it('confirms a party organisation with its resource and need lists, then a member who names it, granting the party member role and points', async () => {
      const contact = await resident('市税务局联络员');
      const orgRes = await as(contact.token).post(`/api/communities/${org.community.id}/party-organizations`, {
        name: '越秀区税务局第一党支部',
        contactName: '陈联络',
        contactPhone: '13800138000',
        resources: ['税务政策讲座', '周末志愿者10人', '税务政策讲座'],
        needs: ['社区活动场地'],
      });
      expect(orgRes.status).toBe(201);
      expect(orgRes.body.status).toBe('pending');
      expect(orgRes.body.resources).toEqual(['税务政策讲座', '周末志愿者10人']);
      expect(orgRes.body.contactPhoneMasked).toBe('138****8000');

      const review = await as(branchToken).post(`/api/volunteers/party-organizations/${orgRes.body.id}/review`, { approve: true });
      expect(review.status).toBe(200);
      expect(review.body.status).toBe('confirmed');

      const member = await resident('张党员');
      const checkIn = await as(member.token).post('/api/volunteers/party-check-ins', {
        communityId: org.community.id,
        partyOrganizationName: '越秀区税务局第一党支部',
        partyOrganizationId: orgRes.body.id,
      });
      expect(checkIn.status).toBe(201);
      expect(checkIn.body.status).toBe('pending');

      const again = await as(member.token).post('/api/volunteers/party-check-ins', { communityId: org.community.id, partyOrganizationName: '别的支部' });
      expect(again.status).toBe(409);

      const pending = await as(branchToken).get(`/api/communities/${org.community.id}/party-check-ins?status=pending`);
      expect(pending.body.map((c: { userId: number }) => c.userId)).toContain(member.user.id);

      const confirmed = await as(branchToken).post(`/api/volunteers/party-check-ins/${checkIn.body.id}/review`, { approve: true });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.status).toBe('confirmed');

      const grants = await t.dataSource.getRepository(RoleGrant).findBy({ userId: member.user.id, role: 'party_member' });
      expect(grants.map((g) => g.scopeId)).toEqual([org.community.id]);
      const points = (await as(member.token).get('/api/points/me')).body as PointsAccountView;
      expect(points.balance).toBe(20);
      expect(points.lines[0].ruleCode).toBe('party_check_in');

      const orgs = await as(committeeToken).get(`/api/communities/${org.community.id}/party-organizations`);
      expect(orgs.body.find((o: { id: number }) => o.id === orgRes.body.id).memberCount).toBe(1);

      const twice = await as(branchToken).post(`/api/volunteers/party-check-ins/${checkIn.body.id}/review`, { approve: true });
      expect(twice.status).toBe(409);
    });

    it('lets only the branch or committee of the community confirm a check-in', async () => {
      const member = await resident('刘党员');
      const checkIn = await as(member.token).post('/api/volunteers/party-check-ins', { communityId: org.community.id, partyOrganizationName: '某局机关党支部' });
      const self = await as(member.token).post(`/api/volunteers/party-check-ins/${checkIn.body.id}/review`, { approve: true });
      expect(self.status).toBe(403);
      const other = await createOrgTree(t.dataSource, { street: org.street });
      const otherBranch = await createUser(t.dataSource, { name: '别的支部书记', grants: [{ role: 'party_branch', scopeId: other.community.id }] });
      const foreign = await as(await t.tokenFor(otherBranch.id)).post(`/api/volunteers/party-check-ins/${checkIn.body.id}/review`, { approve: true });
      expect(foreign.status).toBe(403);
    });
  });

  describe('activity, sign-up, attendance, certification and exports', () => {
    let activity: VolunteerActivityView;
    let alice: { user: { id: number }; token: string };
    let bob: { user: { id: number }; token: string };
    let carol: { user: { id: number }; token: string };
    let dave: { user: { id: number }; token: string };

    beforeAll(async () => {
      setNow(at(-24 * 60));
      activity = await publish();
      [alice, bob, carol, dave] = await Promise.all([resident('艾丽丝'), resident('鲍勃'), resident('卡萝尔'), resident('戴夫')]);
      await as(carol.token).put('/api/volunteers/me/profile', { realName: '卡萝尔', idNumber: '440104199001011234', organizationName: '越秀区图书馆' });
    });

    it('publishes in the committee’s name with the theme label and check-in settings', () => {
      expect(activity.organizerKind).toBe('community_committee');
      expect(activity.organizerName).toBe('登峰社区居民委员会');
      expect(activity.themeLabel).toBe('长者送餐');
      expect(activity.checkMethods).toEqual(['qr', 'location']);
      expect(activity.capacity).toBe(2);
    });

    it('refuses an activity that ends before it starts or has an unknown theme', async () => {
      const backwards = await as(committeeToken).post(`/api/communities/${org.community.id}/volunteer-activities`, {
        title: '倒着的活动', themeCode: 'environment', startsAt: at(60).toISOString(), endsAt: at(0).toISOString(), placeName: '某处',
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.error).toBe('invalid_time_range');
      const unknown = await as(committeeToken).post(`/api/communities/${org.community.id}/volunteer-activities`, {
        title: '未知主题', themeCode: 'karaoke', startsAt: at(0).toISOString(), endsAt: at(60).toISOString(), placeName: '某处',
      });
      expect(unknown.status).toBe(400);
      const resident1 = await resident('普通居民');
      const notOrganiser = await as(resident1.token).post(`/api/communities/${org.community.id}/volunteer-activities`, {
        title: '居民自己发', themeCode: 'environment', startsAt: at(0).toISOString(), endsAt: at(60).toISOString(), placeName: '某处',
      });
      expect(notOrganiser.status).toBe(403);
    });

    it('confirms until the places run out, then waitlists; refuses signing up twice; moves the waiting list up on a cancellation', async () => {
      const a = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      const b = await as(bob.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      const c = await as(carol.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
      expect([a.body.status, b.body.status, c.body.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);
      expect(c.body.waitlistPosition).toBe(1);

      const twice = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe('duplicate_signup');
      expect(twice.body.message).toBe('您已报名该活动，请勿重复报名');

      const cancelled = await as(bob.token).delete(`/api/volunteers/activities/${activity.id}/signups/me`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.promotedCount).toBe(1);
      const carolNow = (await as(carol.token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(carolNow.mySignup?.status).toBe('confirmed');
      expect(carolNow.confirmedCount).toBe(2);

      const cancelAgain = await as(bob.token).delete(`/api/volunteers/activities/${activity.id}/signups/me`);
      expect(cancelAgain.status).toBe(409);
      expect(cancelAgain.body.error).toBe('already_cancelled');
    });

    it('answers a retried sign-up with the same Idempotency-Key with the first result, and records one sign-up', async () => {
      const first = await as(dave.token).post(`/api/volunteers/activities/${activity.id}/signups`).set('Idempotency-Key', 'dave-signup-0001');
      const retry = await as(dave.token).post(`/api/volunteers/activities/${activity.id}/signups`).set('Idempotency-Key', 'dave-signup-0001');
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.body.id).toBe(first.body.id);
      expect(first.body.status).toBe('waitlisted');
      const list = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}/signups`)).body as VolunteerSignupView[];
      expect(list.filter((s) => s.userId === dave.user.id)).toHaveLength(1);
    });

    it('checks people in by the organiser’s QR code or by location, and refuses forged, expired, far-away and out-of-window attempts', async () => {
      setNow(at(-60));
      const early = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { position: northOf(10) });
      expect(early.status).toBe(422);
      expect(early.body.error).toBe('outside_window');

      setNow(at(-10));
      const resident1 = await resident('非组织者');
      expect((await as(resident1.token).get(`/api/volunteers/activities/${activity.id}/qr?purpose=check_in`)).status).toBe(403);
      const qr = await as(committeeToken).get(`/api/volunteers/activities/${activity.id}/qr?purpose=check_in`);
      expect(qr.status).toBe(200);
      expect(new Date(qr.body.expiresAt).getTime()).toBeGreaterThan(now.getTime());

      const forged = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, {
        token: qr.body.token.replace(/.$/, (ch: string) => (ch === 'A' ? 'B' : 'A')),
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error).toBe('qr_invalid');

      const far = await as(bob.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { position: northOf(1500) });
      expect(far.status).toBe(422);
      expect(far.body.error).toBe('too_far');

      const byQr = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { token: qr.body.token });
      expect(byQr.status).toBe(200);
      expect(byQr.body.checkInMethod).toBe('qr');
      const byLocation = await as(carol.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { position: { ...northOf(150), accuracyMeters: 30 } });
      expect(byLocation.status).toBe(200);
      expect(byLocation.body.checkInMethod).toBe('location');

      const twice = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { token: qr.body.token });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe('already_checked_in');

      setNow(at(-4));
      const stale = await as(dave.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-in`, { token: qr.body.token });
      expect(stale.status).toBe(422);
      expect(stale.body.error).toBe('qr_expired');
    });

    it('refuses checking out without having checked in, and with a check-in code', async () => {
      setNow(at(30));
      const notIn = await as(bob.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-out`, { position: northOf(5) });
      expect(notIn.status).toBe(409);
      expect(notIn.body.error).toBe('not_checked_in');
      const inCode = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}/qr?purpose=check_in`)).body.token;
      const wrong = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-out`, { token: inCode });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error).toBe('qr_wrong_purpose');
    });

    it('closes sign-up and cancellation once the activity has started', async () => {
      const late = await resident('迟到的居民');
      const signUp = await as(late.token).post(`/api/volunteers/activities/${activity.id}/signups`);
      expect(signUp.status).toBe(409);
      expect(signUp.body.error).toBe('signup_closed');
      const cancel = await as(alice.token).delete(`/api/volunteers/activities/${activity.id}/signups/me`);
      expect(cancel.status).toBe(409);
      expect(cancel.body.error).toBe('signup_closed');
    });

    it('counts hours from check-in to check-out within the activity’s time and makes a pending service record', async () => {
      setNow(at(90));
      const outCode = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}/qr?purpose=check_out`)).body.token;
      const alicesOut = await as(alice.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-out`, { token: outCode });
      expect(alicesOut.status).toBe(200);
      // Checked in 10 minutes early: only the 90 minutes since the start count.
      expect(alicesOut.body.minutes).toBe(90);
      expect(alicesOut.body.hours).toBe(1.5);
      expect(alicesOut.body.serviceRecord.status).toBe('pending');

      setNow(at(200));
      const carolsOut = await as(carol.token).post(`/api/volunteers/activities/${activity.id}/attendance/check-out`, { position: northOf(20) });
      expect(carolsOut.status).toBe(200);
      expect(carolsOut.body.minutes).toBe(180);
    });

    it('records an organiser’s correction with who and why, and refuses one without a reason, out of order or outside the window', async () => {
      const list = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}/attendances`)).body as VolunteerAttendanceView[];
      const carols = list.find((a) => a.userId === carol.user.id)!;
      const url = `/api/volunteers/attendances/${carols.id}/correction`;

      const noReason = await as(committeeToken).post(url, { checkInAt: at(0).toISOString(), checkOutAt: at(120).toISOString(), reason: ' ' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.error).toBe('reason_required');
      const backwards = await as(committeeToken).post(url, { checkInAt: at(60).toISOString(), checkOutAt: at(30).toISOString(), reason: '手机没电补录' });
      expect(backwards.status).toBe(422);
      expect(backwards.body.error).toBe('checkout_before_checkin');
      const tooLate = await as(committeeToken).post(url, { checkInAt: at(0).toISOString(), checkOutAt: at(180 + 61).toISOString(), reason: '手机没电补录' });
      expect(tooLate.status).toBe(422);
      expect(tooLate.body.error).toBe('outside_window');
      const byVolunteer = await as(carol.token).post(url, { checkInAt: at(0).toISOString(), checkOutAt: at(120).toISOString(), reason: '我自己改' });
      expect(byVolunteer.status).toBe(403);

      const corrected = await as(committeeToken).post(url, { checkInAt: at(0).toISOString(), checkOutAt: at(120).toISOString(), reason: '提前离场，按实际时间更正' });
      expect(corrected.status).toBe(200);
      expect(corrected.body.minutes).toBe(120);
      expect(corrected.body.corrections).toHaveLength(1);
      expect(corrected.body.corrections[0]).toMatchObject({ correctedByName: '居委会李主任', reason: '提前离场，按实际时间更正', previousCheckOutAt: at(200).toISOString() });
      expect(await t.dataSource.getRepository(VolunteerAttendanceCorrection).countBy({ attendanceId: carols.id })).toBe(1);
      const record = await t.dataSource.getRepository(VolunteerServiceRecord).findOneByOrFail({ attendanceId: carols.id });
      expect(record.minutes).toBe(120);
    });

    it('awards points for certified hours and takes them back when a certified record is rejected', async () => {
      setNow(at(240));
      const certified = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/service-records/certify`);
      expect(certified.status).toBe(200);
      expect(certified.body.certified).toBe(2);

      const carolPoints = (await as(carol.token).get('/api/points/me')).body as PointsAccountView;
      expect(carolPoints.balance).toBe(20);
      const alicePoints = (await as(alice.token).get('/api/points/me')).body as PointsAccountView;
      expect(alicePoints.balance).toBe(15);

      const aliceRecord = await t.dataSource.getRepository(VolunteerServiceRecord).findOneByOrFail({ userId: alice.user.id, activityId: activity.id });
      const noReason = await as(committeeToken).post(`/api/volunteers/service-records/${aliceRecord.id}/review`, { decision: 'reject' });
      expect(noReason.status).toBe(422);
      const rejected = await as(committeeToken).post(`/api/volunteers/service-records/${aliceRecord.id}/review`, { decision: 'reject', reason: '核实未实际参与送餐' });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const after = (await as(alice.token).get('/api/points/me')).body as PointsAccountView;
      expect(after.balance).toBe(0);
      expect(after.lines.map((l) => l.points).sort((x, y) => x - y)).toEqual([-15, 15]);

      const again = await as(committeeToken).post(`/api/volunteers/service-records/${aliceRecord.id}/review`, { decision: 'certify' });
      expect(again.status).toBe(409);
      expect(await t.dataSource.getRepository(PointsLedgerLine).countBy({ userId: alice.user.id })).toBe(2);

      const board = await as(carol.token).get(`/api/communities/${org.community.id}/points/leaderboard`);
      expect(board.status).toBe(200);
      const carolRow = board.body.find((r: { userId: number }) => r.userId === carol.user.id);
      expect(carolRow).toMatchObject({ nameMasked: '卡*尔', points: 20 });
      expect(board.body.some((r: { userId: number }) => r.userId === alice.user.id)).toBe(false);
    });

    it('shows a person their records with totals by month and theme, masked ID and the certifying organisation', async () => {
      const history = (await as(carol.token).get('/api/volunteers/me/service-records')).body as VolunteerServiceHistoryView;
      expect(history.records).toHaveLength(1);
      expect(history.records[0]).toMatchObject({
        activityTitle: '长者饭堂送餐',
        volunteerName: '卡萝尔',
        idNumberMasked: '4401**********1234',
        organizationName: '越秀区图书馆',
        hours: 2,
        status: 'certified',
        certifyingOrganization: '登峰社区居民委员会',
      });
      expect(history.totals.hours).toBe(2);
      expect(history.byTheme).toEqual([expect.objectContaining({ themeCode: 'elder_meals', label: '长者送餐', hours: 2 })]);
      expect(history.byMonth).toHaveLength(1);
    });

    it('exports a person’s certified records as a PDF whose text carries the Chinese activity name and hours', async () => {
      const res = await as(carol.token).get('/api/volunteers/me/service-records/export.pdf').buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = (await pdfParse(res.body as Buffer)).text;
      expect(text).toContain('志愿服务记录证明');
      expect(text).toContain('长者饭堂送餐');
      expect(text).toContain('卡萝尔');
      expect(text).toContain('4401**********1234');
      expect(text).toMatch(/合计\s*2\s*小时/);
    });

    it('exports a person’s records as an Excel sheet that reads back with the hours as numbers', async () => {
      const res = await as(carol.token).get('/api/volunteers/me/service-records/export.xlsx').buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as WorkbookInput);
      const sheet = workbook.getWorksheet('志愿服务记录')!;
      expect(sheet.getRow(1).values).toEqual([undefined, '服务日期', '活动名称', '服务类别', '时长(小时)', '状态', '认定组织']);
      expect(sheet.getRow(2).values).toEqual([undefined, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '长者饭堂送餐', '长者送餐', 2, '已认定', '登峰社区居民委员会']);
      expect(sheet.rowCount).toBe(2);
    });

    it('exports the community’s records for the committee, one row per person, and not for a resident', async () => {
      const res = await as(committeeToken).get(`/api/communities/${org.community.id}/volunteer-service-records/export.xlsx`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as WorkbookInput);
      const rows = workbook.getWorksheet('志愿服务记录')!.getSheetValues().slice(2) as unknown[][];
      expect(rows.map((r) => [r[1], r[6], r[7]]).sort()).toEqual([
        ['卡萝尔', 2, '已认定'],
        ['艾丽丝', 1.5, '不予认定'],
      ]);
      const pdf = await as(committeeToken).get(`/api/communities/${org.community.id}/volunteer-service-records/export.pdf`).buffer(true).parse(binary);
      expect(pdf.status).toBe(200);
      expect((await pdfParse(pdf.body as Buffer)).text).toContain('登峰社区志愿服务记录');
      expect((await as(carol.token).get(`/api/communities/${org.community.id}/volunteer-service-records/export.xlsx`)).status).toBe(403);
    });

    it('gives the committee monthly figures of check-ins, activities, participants and hours', async () => {
      const month = new Date(at(0).getTime() + 8 * 60 * MINUTE).toISOString().slice(0, 7);
      const res = await as(committeeToken).get(`/api/communities/${org.community.id}/volunteer-figures?year=${month.slice(0, 4)}`);
      expect(res.status).toBe(200);
      const row = res.body.months.find((m: { month: string }) => m.month === month);
      expect(row).toMatchObject({ activitiesHeld: 1, participants: 1, hours: 2 });
      expect(res.body.totals.partyMembersCheckedIn).toBe(1);
      expect(res.body.totals.organizationsCheckedIn).toBe(1);
    });
  });

  describe('organisers', () => {
    it('lets a confirmed party organisation’s contact publish in the organisation’s name, and nobody for an unconfirmed one', async () => {
      setNow(at(-24 * 60));
      const contact = await resident('区卫健局联络员');
      const registered = await as(contact.token).post(`/api/communities/${org.community.id}/party-organizations`, {
        name: '越秀区卫健局机关党支部', contactName: '周联络', contactPhone: '020-83000000', resources: ['义诊医生'], needs: [],
      });
      const body = { title: '义诊进社区', themeCode: 'elderly_disabled_help', startsAt: at(0).toISOString(), endsAt: at(120).toISOString(), placeName: '社区卫生站' };
      const early = await as(contact.token).post(`/api/communities/${org.community.id}/volunteer-activities`, body);
      expect(early.status).toBe(403);
      await as(branchToken).post(`/api/volunteers/party-organizations/${registered.body.id}/review`, { approve: true });
      const published = await as(contact.token).post(`/api/communities/${org.community.id}/volunteer-activities`, body);
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ organizerKind: 'party_organization', organizerName: '越秀区卫健局机关党支部' });
      // As its publisher the contact runs it: the QR code is theirs to show.
      expect((await as(contact.token).get(`/api/volunteers/activities/${published.body.id}/qr?purpose=check_in`)).status).toBe(200);
    });

    it('moves the waiting list up when the organiser raises the number of places, and never demotes anyone when lowering it', async () => {
      setNow(at(-24 * 60));
      const activity = await publish({ title: '加名额', capacity: 1 });
      const people = [];
      for (const name of ['甲', '乙', '丙']) {
        const p = await resident(`加名额${name}`);
        await as(p.token).post(`/api/volunteers/activities/${activity.id}/signups`);
        people.push(p);
      }
      const raised = await as(committeeToken).put(`/api/volunteers/activities/${activity.id}/capacity`, { capacity: 2 });
      expect(raised.status).toBe(200);
      expect([raised.body.confirmedCount, raised.body.waitlistCount]).toEqual([2, 1]);
      const second = (await as(people[1].token).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
      expect(second.mySignup?.status).toBe('confirmed');
      const lowered = await as(committeeToken).put(`/api/volunteers/activities/${activity.id}/capacity`, { capacity: 1 });
      expect([lowered.body.confirmedCount, lowered.body.waitlistCount]).toEqual([2, 1]);
      const zero = await as(committeeToken).put(`/api/volunteers/activities/${activity.id}/capacity`, { capacity: 0 });
      expect(zero.status).toBe(422);
      expect(zero.body.error).toBe('invalid_capacity');
    });

    it('records the times of a volunteer who could not scan, with the reason in the log', async () => {
      setNow(at(-24 * 60));
      const activity = await publish({ title: '补录签到' });
      const elder = await resident('没有手机的王伯');
      setNow(at(200));
      const recorded = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/attendances`, {
        userId: elder.user.id, checkInAt: at(0).toISOString(), checkOutAt: at(60).toISOString(), reason: '长者无智能手机，现场登记',
      });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({ userId: elder.user.id, minutes: 60, hours: 1, serviceRecord: { status: 'pending' } });
      expect(recorded.body.corrections[0]).toMatchObject({ reason: '长者无智能手机，现场登记', previousCheckInAt: null });
      const outside = await as(committeeToken).post(`/api/volunteers/activities/${activity.id}/attendances`, {
        userId: elder.user.id, checkInAt: at(-120).toISOString(), checkOutAt: at(60).toISOString(), reason: '时间填错',
      });
      expect(outside.status).toBe(422);
      expect(outside.body.error).toBe('outside_window');
    });

    it('refuses walk-ins where only confirmed sign-ups may check in, and a bare QR scan where the location is required too', async () => {
      setNow(at(-24 * 60));
      const strict = await publish({ title: '仅限报名者', requireConfirmedSignup: true, requireLocation: true });
      const walker = await resident('路过的居民');
      const signed = await resident('报了名的居民');
      await as(signed.token).post(`/api/volunteers/activities/${strict.id}/signups`);
      setNow(at(5));
      const token = (await as(committeeToken).get(`/api/volunteers/activities/${strict.id}/qr?purpose=check_in`)).body.token;
      const walkIn = await as(walker.token).post(`/api/volunteers/activities/${strict.id}/attendance/check-in`, { token, position: northOf(10) });
      expect(walkIn.status).toBe(409);
      expect(walkIn.body.error).toBe('not_signed_up');
      const bare = await as(signed.token).post(`/api/volunteers/activities/${strict.id}/attendance/check-in`, { token });
      expect(bare.status).toBe(422);
      expect(bare.body.error).toBe('location_required');
      const ok = await as(signed.token).post(`/api/volunteers/activities/${strict.id}/attendance/check-in`, { token, position: northOf(10) });
      expect(ok.status).toBe(200);
    });
  });

  it('leaves exactly one confirmed sign-up when 20 people race for the last place', async () => {
    setNow(at(-24 * 60));
    const activity = await publish({ title: '最后一个名额', capacity: 1 });
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => resident(`抢名额${i}`)));
    const results = await Promise.all(people.map((p) => as(p.token).post(`/api/volunteers/activities/${activity.id}/signups`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const statuses = results.map((r) => (r.body as VolunteerSignupView).status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
    const positions = results.map((r) => (r.body as VolunteerSignupView).waitlistPosition).filter((p) => p !== null);
    expect(new Set(positions).size).toBe(19);
    const detail = (await as(committeeToken).get(`/api/volunteers/activities/${activity.id}`)).body as VolunteerActivityView;
    expect([detail.confirmedCount, detail.waitlistCount]).toEqual([1, 19]);
  });
});
