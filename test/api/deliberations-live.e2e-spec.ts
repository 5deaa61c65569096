import type { AddressInfo } from 'node:net';
import {
  DELIBERATION_LIVE_EVENTS,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LIVE_PATH,
  liveRoom,
  type DeliberationPollCounts,
  type DeliberationPollResult,
  type LiveEvent,
  type LiveSubscribeAck,
} from '@linli/shared';
import { io, type Socket } from 'socket.io-client';
import { Poll } from '../../server/src/deliberations/entities/poll.entity';
import { PollCloseService } from '../../server/src/deliberations/poll-close.service';
import { Household } from '../../server/src/residencies/household.entity';
import { Residency } from '../../server/src/residencies/residency.entity';
import { createOrgTree, createUser, unique } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const WAIT_MS = 5000;

function waitFor(events: LiveEvent[], socket: Socket, check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(events.map((e) => e.type))}`)), WAIT_MS);
    const notify = () => {
      if (check()) {
        clearTimeout(timer);
        socket.off(LIVE_EVENTS.live, notify);
        resolve();
      }
    };
    socket.on(LIVE_EVENTS.live, notify);
    notify();
  });
}

describe('live poll counts and bulletin posts', () => {
  let t: TestApp;
  let baseUrl: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: undefined }, { seed: false });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  /** An anonymous socket: visitors may watch polls and the board like they may read them. */
  async function visitorSocket(): Promise<{ socket: Socket; events: LiveEvent[] }> {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { path: LIVE_PATH, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const events: LiveEvent[] = [];
    socket.on(LIVE_EVENTS.live, (e: LiveEvent) => events.push(e));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, events };
  }

  async function pollWith(voters: number, hide: boolean) {
    const org = await createOrgTree(t.dataSource);
    const committee = await createUser(t.dataSource, { grants: [{ role: 'community_committee', scopeId: org.community.id }] });
    const branch = await createUser(t.dataSource, { grants: [{ role: 'party_branch', scopeId: org.community.id }] });
    const tokens: string[] = [];
    for (let i = 0; i < voters; i++) {
      const user = await createUser(t.dataSource);
      const home = await t.dataSource.getRepository(Household).save({ communityId: org.community.id, gridId: null, building: '1栋', unit: '1单元', room: unique('R') });
      await t.dataSource.getRepository(Residency).save({ userId: user.id, householdId: home.id, relation: 'tenant', exclusiveArea: null, status: 'verified' });
      tokens.push(await t.tokenFor(user.id));
    }
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const topic = await t.request.post(`/api/communities/${org.community.id}/topics`).set(as(tokens[0])).send({ title: '议题', body: '内容', scope: { kind: 'community' } });
    await t.request.post(`/api/topics/${topic.body.id}/review`).set(as(await t.tokenFor(branch.id))).send({ decision: 'approve' });
    const c = await t.tokenFor(committee.id);
    const d = await t.request.post(`/api/topics/${topic.body.id}/deliberations`).set(as(c)).send({ discussionEndsAt: new Date(Date.now() + 3600_000).toISOString() });
    const poll = await t.request
      .post(`/api/deliberations/${d.body.id}/polls`)
      .set(as(c))
      .send({ title: '选一个', type: 'single', options: [{ id: 'yes', label: '好' }, { id: 'no', label: '不好' }], opensAt: new Date(Date.now() - 1000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString(), hideResultsUntilClose: hide });
    expect(poll.status).toBe(201);
    return { pollId: poll.body.id as number, communityId: org.community.id, tokens, as };
  }

  it('pushes live counts to visitors watching an open poll, then the result and the bulletin post at close', async () => {
    const { pollId, communityId, tokens, as } = await pollWith(2, false);
    const { socket, events } = await visitorSocket();
    const pollAck: LiveSubscribeAck = await socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, { room: liveRoom('poll', pollId), afterSeq: 0 });
    expect(pollAck).toMatchObject({ ok: true });
    const boardAck: LiveSubscribeAck = await socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, { room: liveRoom('bulletin', communityId), afterSeq: 0 });
    expect(boardAck).toMatchObject({ ok: true });

    await t.request.post(`/api/polls/${pollId}/ballots`).set(as(tokens[0])).send({ choice: ['yes'] });
    await t.request.post(`/api/polls/${pollId}/ballots`).set(as(tokens[1])).send({ choice: ['no'] });
    const counts = () => events.filter((e) => e.type === DELIBERATION_LIVE_EVENTS.pollCounts) as LiveEvent<DeliberationPollCounts>[];
    await waitFor(events, socket, () => counts().some((e) => e.seq === 2));
    expect(counts().find((e) => e.seq === 2)!.data.options).toEqual([
      { optionId: 'yes', votes: 1 },
      { optionId: 'no', votes: 1 },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/user:/);

    await t.dataSource.getRepository(Poll).update({ id: pollId }, { closesAt: new Date(Date.now() - 1000) });
    expect(await t.app.get(PollCloseService).closeDue()).toBeGreaterThanOrEqual(1);
    await waitFor(events, socket, () => events.some((e) => e.type === DELIBERATION_LIVE_EVENTS.bulletinPosted));
    const closed = events.find((e) => e.type === DELIBERATION_LIVE_EVENTS.pollClosed) as LiveEvent<DeliberationPollResult>;
    expect(closed.seq).toBe(3);
    expect(closed.data.tally.voters).toBe(2);
  });

  it('publishes no counts while a poll hides its results, and replays the result to a late subscriber', async () => {
    const { pollId, tokens, as } = await pollWith(1, true);
    const { socket, events } = await visitorSocket();
    await socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, { room: liveRoom('poll', pollId), afterSeq: 0 });
    await t.request.post(`/api/polls/${pollId}/ballots`).set(as(tokens[0])).send({ choice: ['yes'] });
    await t.dataSource.getRepository(Poll).update({ id: pollId }, { closesAt: new Date(Date.now() - 1000) });
    await t.app.get(PollCloseService).closePoll(pollId);
    await waitFor(events, socket, () => events.some((e) => e.type === DELIBERATION_LIVE_EVENTS.pollClosed));
    expect(events.map((e) => e.type)).toEqual([DELIBERATION_LIVE_EVENTS.pollClosed]);

    const late = await visitorSocket();
    const ack: LiveSubscribeAck = await late.socket.timeout(WAIT_MS).emitWithAck(LIVE_EVENTS.subscribe, { room: liveRoom('poll', pollId), afterSeq: 0 });
    expect(ack).toMatchObject({ ok: true, lastSeq: 2 });
    await waitFor(late.events, late.socket, () => late.events.length === 1);
    expect(late.events[0]).toMatchObject({ seq: 2, type: DELIBERATION_LIVE_EVENTS.pollClosed });
  });
});
