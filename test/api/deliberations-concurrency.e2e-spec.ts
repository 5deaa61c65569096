import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, type DeliberationChainView, type DeliberationPollView } from '@linli/shared';
import { PollCloseService } from '../../server/src/deliberations/poll-close.service';
import { BulletinPost } from '../../server/src/deliberations/entities/bulletin-post.entity';
import { Poll } from '../../server/src/deliberations/entities/poll.entity';
import { PollBallot } from '../../server/src/deliberations/entities/ballot.entity';
import { Household } from '../../server/src/residencies/household.entity';
import { Notification } from '../../server/src/notifications/notification.entity';
import { Residency } from '../../server/src/residencies/residency.entity';
import { createOrgTree, createUser, unique } from './support/factories';
import { SecondServer } from './support/second-server';
import { startTestApp, type TestApp } from './support/test-app';

/** A community with a committee, `residents` verified residents, and an open single-choice poll. */
async function openPoll(t: TestApp, residents: number): Promise<{ pollId: number; communityId: number; tokens: string[]; userIds: number[] }> {
  const ds = t.dataSource;
  const org = await createOrgTree(ds);
  const committee = await createUser(ds, { name: '居委会', grants: [{ role: 'community_committee', scopeId: org.community.id }] });
  const branch = await createUser(ds, { name: '党支部', grants: [{ role: 'party_branch', scopeId: org.community.id }] });
  const tokens: string[] = [];
  const userIds: number[] = [];
  for (let i = 0; i < residents; i++) {
    const user = await createUser(ds, { name: `居民${i}` });
    userIds.push(user.id);
    const household = await ds.getRepository(Household).save({ communityId: org.community.id, gridId: null, building: '1栋', unit: '1单元', room: unique('R') });
    await ds.getRepository(Residency).save({ userId: user.id, householdId: household.id, relation: 'tenant', exclusiveArea: null, status: 'verified' });
    tokens.push(await t.tokenFor(user.id));
  }
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const committeeToken = await t.tokenFor(committee.id);
  const topic = await t.request.post(`/api/communities/${org.community.id}/topics`).set(auth(tokens[0])).send({ title: '议题', body: '内容', scope: { kind: 'community' } });
  await t.request.post(`/api/topics/${topic.body.id}/review`).set(auth(await t.tokenFor(branch.id))).send({ decision: 'approve' });
  const d = await t.request.post(`/api/topics/${topic.body.id}/deliberations`).set(auth(committeeToken)).send({ discussionEndsAt: new Date(Date.now() + 3600_000).toISOString() });
  const poll = await t.request
    .post(`/api/deliberations/${d.body.id}/polls`)
    .set(auth(committeeToken))
    .send({ title: '选一个', type: 'single', options: [{ id: 'yes', label: '好' }, { id: 'no', label: '不好' }], opensAt: new Date(Date.now() - 1000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() });
  expect(poll.status).toBe(201);
  return { pollId: poll.body.id, communityId: org.community.id, tokens, userIds };
}

describe('ballots under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(async () => t.close());

  it('counts exactly one ballot when one voter submits the same ballot fifty times at once', async () => {
    const { pollId, tokens } = await openPoll(t, 1);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.request.post(`/api/polls/${pollId}/ballots`).set('Authorization', `Bearer ${tokens[0]}`).set('Idempotency-Key', 'ballot-key-0001').send({ choice: ['yes'] }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(49);
    expect(new Set(responses.map((r) => r.body.receipt)).size).toBe(1);
    expect(await t.dataSource.getRepository(PollBallot).countBy({ pollId })).toBe(1);
    const poll = (await t.request.get(`/api/polls/${pollId}`)).body as DeliberationPollView;
    expect(poll.counts).toMatchObject({ seq: 1, voters: 1, options: [{ optionId: 'yes', votes: 1 }, { optionId: 'no', votes: 0 }] });
  });

  it('accepts one of fifty simultaneous first ballots from two devices without a key and refuses the rest', async () => {
    const { pollId, tokens } = await openPoll(t, 1);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.request.post(`/api/polls/${pollId}/ballots`).set('Authorization', `Bearer ${tokens[0]}`).send({ choice: [i % 2 ? 'yes' : 'no'] })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409 && r.body.error === 'ballot_exists')).toHaveLength(49);
    const poll = (await t.request.get(`/api/polls/${pollId}`)).body as DeliberationPollView;
    expect(poll.counts!.voters).toBe(1);
    expect(poll.counts!.options.reduce((sum, o) => sum + o.votes, 0)).toBe(1);
  });

  it('chains ballots from many voters at once into one unbroken chain', async () => {
    const { pollId, tokens } = await openPoll(t, 30);
    const responses = await Promise.all(
      tokens.map((token, i) => t.request.post(`/api/polls/${pollId}/ballots`).set('Authorization', `Bearer ${token}`).send({ choice: [i % 3 ? 'yes' : 'no'] })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.body.seq)).size).toBe(30);
    const chain = (await t.request.get(`/api/polls/${pollId}/chain`)).body as DeliberationChainView;
    const stored = await t.dataSource.getRepository(Poll).findOneByOrFail({ id: pollId });
    expect(verifyChain(chain.ballots, { pollId: chain.chainPollId, head: stored.chainHead!, count: 30 }).ok).toBe(true);
    expect(stored.liveCounts).toEqual({ votes: [20, 10], voters: 30 });
  });
});

/** A second server process on the same database that closes polls and casts ballots when told to. */
const CLOSER_AND_VOTER = `(app, load) => {
  const closer = app.get(load('server/src/deliberations/poll-close.service.ts').PollCloseService);
  const ballots = app.get(load('server/src/deliberations/ballots.service.ts').BallotsService);
  return {
    close: (id) => closer.closePoll(Number(id)),
    cast: async (arg) => {
      const [pollId, userId, option] = arg.split(' ');
      return (await ballots.cast({ id: Number(userId), grants: [] }, Number(pollId), { choice: [option] }, undefined)).receipt.seq;
    },
  };
}`;

describe('closing a poll from two server processes at once', () => {
  let dir: string;
  let t: TestApp;
  let second: SecondServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-close-'));
    const mysql = process.env.DATABASE_URL && /^(mysql|mariadb):/.test(process.env.DATABASE_URL);
    t = await startTestApp(mysql ? {} : { databaseUrl: `sqlite:${join(dir, 'shared.sqlite')}` }, { seed: false });
    const url = mysql ? String((t.dataSource.options as { url?: string }).url) : `sqlite:${join(dir, 'shared.sqlite')}`;
    second = await SecondServer.start({ databaseUrl: url }, CLOSER_AND_VOTER);
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('chains ballots cast through both processes at once into one unbroken chain', async () => {
    const { pollId, tokens, userIds } = await openPoll(t, 30);
    const there = userIds.slice(15);
    const [here, seqs] = await Promise.all([
      Promise.all(tokens.slice(0, 15).map((token) => t.request.post(`/api/polls/${pollId}/ballots`).set('Authorization', `Bearer ${token}`).send({ choice: ['yes'] }))),
      Promise.all(there.map((id) => second.ask<number>('cast', `${pollId} ${id} no`))),
    ]);
    expect(here.map((r) => r.status)).toEqual(new Array(15).fill(201));
    expect(seqs.every((seq) => Number.isInteger(seq) && seq > 0)).toBe(true);
    const chain = (await t.request.get(`/api/polls/${pollId}/chain`)).body as DeliberationChainView;
    const stored = await t.dataSource.getRepository(Poll).findOneByOrFail({ id: pollId });
    expect(chain.count).toBe(30);
    expect(verifyChain(chain.ballots, { pollId: chain.chainPollId, head: stored.chainHead!, count: 30 }).ok).toBe(true);
    expect(stored.liveCounts).toEqual({ votes: [15, 15], voters: 30 });
  }, 60_000);

  it('counts the poll once and posts exactly one result to the bulletin board', async () => {
    const { pollId, communityId, tokens } = await openPoll(t, 3);
    for (const token of tokens) await t.request.post(`/api/polls/${pollId}/ballots`).set('Authorization', `Bearer ${token}`).send({ choice: ['yes'] });
    await t.dataSource.getRepository(Poll).update({ id: pollId }, { closesAt: new Date(Date.now() - 1000) });

    const [here, there] = await Promise.all([t.app.get(PollCloseService).closePoll(pollId), second.ask<boolean>('close', pollId)]);
    expect([here, there].filter(Boolean)).toHaveLength(1);

    expect(await t.dataSource.getRepository(BulletinPost).countBy({ communityId, kind: 'poll_result' })).toBe(1);
    // Each of the three residents is told once, however many processes raced to close.
    expect(await t.dataSource.getRepository(Notification).countBy({ subject: `poll:${pollId}` })).toBe(3);
    const poll = (await t.request.get(`/api/polls/${pollId}`)).body as DeliberationPollView;
    expect(poll.result!.tally.voters).toBe(3);
    expect(poll.result!.bulletinPostId).not.toBeNull();
  }, 60_000);
});
