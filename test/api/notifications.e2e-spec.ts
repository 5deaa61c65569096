import type { NotificationListResponse } from '@linli/shared';
import { PollCloseService } from '../../server/src/deliberations/poll-close.service';
import { Notification } from '../../server/src/notifications/notification.entity';
import { createOrgTree, createUser } from './support/factories';
import { Neighbourhood, type Person } from './support/neighbourhood';
import { startTestApp, type TestApp } from './support/test-app';

describe('notifications of vote results (/api/me/notifications)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(async () => t.close());

  const inbox = async (n: Neighbourhood, who: Person, query = '') => (await n.get(who.token, `/me/notifications${query}`).expect(200)).body as NotificationListResponse;

  it('tells everyone in a community vote’s scope the result once, and nobody else', async () => {
    const n = await Neighbourhood.create(t);
    const voter = await n.resident();
    const silent = await n.resident({ building: '2栋' });
    const pending = await n.resident({ status: 'pending' });
    const elsewhere = await new Neighbourhood(t, await createOrgTree(t.dataSource), n.branch, n.committee).resident();
    const d = await n.deliberation(voter);
    const poll = await n.poll(d.id);
    expect((await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status).toBe(201);

    expect((await inbox(n, voter)).items).toEqual([]);
    await n.expire(poll.id);
    expect(await t.app.get(PollCloseService).closeDue()).toBeGreaterThanOrEqual(1);
    expect(await t.app.get(PollCloseService).closeDue()).toBe(0);

    for (const person of [voter, silent]) {
      const mine = await inbox(n, person);
      expect(mine.unread).toBe(1);
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({ kind: 'poll_result', title: '投票结果：充电桩放在哪里', link: `/pages/deliberations/poll/index?id=${poll.id}`, readAt: null });
      expect(mine.items[0].body).toContain('东门 1 票');
    }
    for (const person of [pending, elsewhere, n.committee]) expect((await inbox(n, person)).items).toEqual([]);
    expect(await t.dataSource.getRepository(Notification).countBy({ subject: `poll:${poll.id}` })).toBe(2);
  });

  it('reaches only the building’s residents for a building vote, and only owners for an owners’ vote', async () => {
    const n = await Neighbourhood.create(t);
    const inBuilding = await n.resident({ building: '3栋' });
    const nextDoor = await n.resident({ building: '4栋' });
    const owner = await n.resident({ owner: { area: 8937 } });
    const buildingVote = await n.poll((await n.deliberation(inBuilding, { kind: 'building', building: '3栋' })).id);
    const ownersVote = await n.poll((await n.deliberation(owner, { kind: 'owners' })).id, { type: 'approval3', options: undefined, ownerMatter: 'hire_or_dismiss_manager' });
    await n.expire(buildingVote.id);
    await n.expire(ownersVote.id);
    await t.app.get(PollCloseService).closeDue();

    const subjects = async (who: Person) => (await inbox(n, who)).items.map((item) => item.link);
    expect(await subjects(inBuilding)).toEqual([`/pages/deliberations/poll/index?id=${buildingVote.id}`]);
    expect(await subjects(nextDoor)).toEqual([]);
    expect(await subjects(owner)).toEqual([`/pages/deliberations/poll/index?id=${ownersVote.id}`]);
  });

  it('lists newest first in pages, counts unread, and marks one or all read', async () => {
    const n = await Neighbourhood.create(t);
    const me = await n.resident();
    const polls = [];
    for (let i = 0; i < 3; i++) polls.push(await n.poll((await n.deliberation(me)).id, { title: `第${i + 1}次投票` }));
    for (const poll of polls) await n.expire(poll.id);
    await t.app.get(PollCloseService).closeDue();

    const first = await inbox(n, me, '?limit=2');
    expect(first.unread).toBe(3);
    expect(first.items.map((i) => i.title)).toEqual(['投票结果：第3次投票', '投票结果：第2次投票']);
    expect(first.nextBefore).toBe(first.items[1].id);
    const rest = await inbox(n, me, `?limit=2&before=${first.nextBefore}`);
    expect(rest.items.map((i) => i.title)).toEqual(['投票结果：第1次投票']);
    expect(rest.nextBefore).toBeNull();

    const read = await n.post(me.token, `/me/notifications/${first.items[0].id}/read`).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await n.post(me.token, `/me/notifications/${first.items[0].id}/read`).expect(200)).body.readAt).toBe(read.body.readAt);
    expect((await n.get(me.token, '/me/notifications/unread').expect(200)).body).toEqual({ unread: 2 });
    expect((await n.post(me.token, '/me/notifications/read-all').expect(200)).body).toEqual({ marked: 2 });
    expect((await n.get(me.token, '/me/notifications/unread').expect(200)).body).toEqual({ unread: 0 });
  });

  it('keeps each person’s notifications their own and refuses visitors and bad queries', async () => {
    const n = await Neighbourhood.create(t);
    const me = await n.resident();
    const other = await createUser(t.dataSource, { name: '李四' });
    const otherToken = await t.tokenFor(other.id);
    const poll = await n.poll((await n.deliberation(me)).id);
    await n.expire(poll.id);
    await t.app.get(PollCloseService).closeDue();
    const [mine] = (await inbox(n, me)).items;

    const stolen = await n.post(otherToken, `/me/notifications/${mine.id}/read`);
    expect(stolen.status).toBe(404);
    expect(stolen.body).toMatchObject({ error: 'not_found' });
    expect((await inbox(n, me)).items[0].readAt).toBeNull();
    expect((await n.post(otherToken, '/me/notifications/read-all').expect(200)).body).toEqual({ marked: 0 });
    expect((await inbox(n, me)).unread).toBe(1);

    expect((await n.get(null, '/me/notifications')).status).toBe(401);
    expect((await n.post(null, `/me/notifications/${mine.id}/read`)).status).toBe(401);
    expect((await n.get(me.token, '/me/notifications?limit=500')).status).toBe(400);
    expect((await n.get(me.token, '/me/notifications?before=abc')).status).toBe(400);
    expect((await n.post(me.token, '/me/notifications/abc/read')).status).toBe(400);
  });
});
