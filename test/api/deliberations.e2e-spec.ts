import {
  chainTallyBallots,
  tallyPoll,
  verifyChain,
  type DeliberationBallotReceipt,
  type DeliberationChainView,
  type DeliberationPollView,
  type DeliberationTopicView,
} from '@linli/shared';
import { Household } from '../../server/src/residencies/household.entity';
import { Residency } from '../../server/src/residencies/residency.entity';
import { Deliberation } from '../../server/src/deliberations/entities/deliberation.entity';
import { PollBallot } from '../../server/src/deliberations/entities/ballot.entity';
import { Poll } from '../../server/src/deliberations/entities/poll.entity';
import { computePollResult } from '../../server/src/deliberations/poll-result';
import { createUser, unique } from './support/factories';
import { inHours, Neighbourhood, type Person } from './support/neighbourhood';
import { startTestApp, type TestApp } from './support/test-app';

describe('deliberation and voting (/api)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(async () => t.close());

  it('takes a topic from proposal through support, review, deliberation and a vote to a result on the bulletin board', async () => {
    const n = await Neighbourhood.create(t);
    const proposer = await n.resident();
    const neighbour = await n.resident();
    const third = await n.resident();

    const topic = await n.post(proposer.token, `/communities/${n.org.community.id}/topics`, { title: '楼道加装声控灯', body: '晚上楼道太暗，老人上下楼不方便。', scope: { kind: 'community' } });
    expect(topic.status).toBe(201);
    expect(topic.body.status).toBe('pending');

    const supported = await n.post(neighbour.token, `/topics/${topic.body.id}/support`);
    expect(supported.body).toEqual({ supportCount: 1, supportedByMe: true });
    // Supporting twice changes nothing.
    expect((await n.post(neighbour.token, `/topics/${topic.body.id}/support`)).body.supportCount).toBe(1);

    const approved = await n.post(n.branch.token, `/topics/${topic.body.id}/review`, { decision: 'approve' });
    expect(approved.body.status).toBe('approved');

    const opened = await n.post(n.committee.token, `/topics/${topic.body.id}/deliberations`, { discussionEndsAt: inHours(48) });
    expect(opened.status).toBe(201);
    const deliberationId = opened.body.id as number;

    const c1 = await n.post(neighbour.token, `/deliberations/${deliberationId}/comments`, { body: '赞成，最好装感应灯。' });
    expect(c1.status).toBe(201);
    const reply = await n.post(proposer.token, `/deliberations/${deliberationId}/comments`, { body: '同意感应灯。', parentId: c1.body.id });
    expect(reply.status).toBe(201);
    await n.post(third.token, `/deliberations/${deliberationId}/comments`, { body: '费用怎么分摊？' });
    await n.post(proposer.token, `/comments/${c1.body.id}/support`);

    const bySupport = await n.get(null, `/deliberations/${deliberationId}/comments?order=supported`);
    expect(bySupport.body.items[0].id).toBe(c1.body.id);
    expect(bySupport.body.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['同意感应灯。']);
    const newest = await n.get(null, `/deliberations/${deliberationId}/comments`);
    expect(newest.body.items[0].body).toBe('费用怎么分摊？');

    const minutes = await n.post(n.committee.token, `/deliberations/${deliberationId}/minutes`, { title: '居民议事会纪要', summary: '到会 12 人，同意进入投票。', heldAt: new Date().toISOString() });
    expect(minutes.status).toBe(201);

    const poll = await n.poll(deliberationId, { title: '声控灯还是感应灯', options: [{ id: 'sound', label: '声控灯' }, { id: 'motion', label: '感应灯' }] });
    expect(poll.eligibleCount).toBe(3);

    const votes: [Person, string][] = [
      [proposer, 'motion'],
      [neighbour, 'motion'],
      [third, 'sound'],
    ];
    const receipts: DeliberationBallotReceipt[] = [];
    for (const [person, option] of votes) {
      const res = await n.post(person.token, `/polls/${poll.id}/ballots`, { choice: [option] });
      expect(res.status).toBe(201);
      receipts.push(res.body);
    }
    // The third resident changes their mind, naming the ballot being replaced.
    const revote = await n.post(third.token, `/polls/${poll.id}/ballots`, { choice: ['motion'], replacesReceipt: receipts[2].receipt });
    expect(revote.status).toBe(201);
    expect(revote.body.supersedesSeq).toBe(receipts[2].seq);

    const live = await n.get(null, `/polls/${poll.id}`);
    expect(live.body.counts.options).toEqual([
      { optionId: 'sound', votes: 0 },
      { optionId: 'motion', votes: 3 },
    ]);

    await n.expire(poll.id);
    const closed = await n.get(null, `/polls/${poll.id}`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.result.tally.options).toEqual([
      { optionId: 'sound', votes: 0 },
      { optionId: 'motion', votes: 3 },
    ]);
    expect(closed.body.result.tally.turnout).toEqual({ voters: 3, eligible: 3, percent: '100.00%' });
    expect(closed.body.result.chainCount).toBe(4);

    const board = await n.get(null, `/communities/${n.org.community.id}/bulletin`);
    expect(board.status).toBe(200);
    expect(board.body.items).toHaveLength(1);
    expect(board.body.items[0].kind).toBe('poll_result');
    expect(board.body.items[0].body).toContain('感应灯 3 票');
    expect(board.body.items[0].body).toContain(closed.body.result.chainHead);

    const view = await n.get(null, `/deliberations/${deliberationId}`);
    expect(view.body.status).toBe('concluded');
    expect(view.body.minutes).toHaveLength(1);
  });

  it('fixes a personal vote’s electorate when the vote is set up: later residents may not vote, turnout counts the roll', async () => {
    const n = await Neighbourhood.create(t);
    const early = await n.resident();
    const pending = await n.resident({ status: 'pending' });
    const otherBuilding = await n.resident({ building: '9栋' });
    const poll = await n.poll((await n.deliberation(early, { kind: 'building', building: '1栋' })).id);
    expect(poll.eligibleCount).toBe(1);
    const stored = await t.dataSource.getRepository(Poll).findOneByOrFail({ id: poll.id });
    expect(stored.voterRoll).toEqual([early.id]);

    const late = await n.resident();
    const refused = await n.post(late.token, `/polls/${poll.id}/ballots`, { choice: ['east'] });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('not_eligible');
    for (const outsider of [pending, otherBuilding]) expect((await n.post(outsider.token, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status).toBe(403);
    expect((await n.post(early.token, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status).toBe(201);

    await n.expire(poll.id);
    const result = (await n.get(null, `/polls/${poll.id}`)).body.result;
    expect(result.tally.turnout).toEqual({ voters: 1, eligible: 1, percent: '100.00%' });
    expect(JSON.stringify((await n.get(early.token, `/polls/${poll.id}`)).body)).not.toMatch(/voterRoll/);
  });

  it('lets a voter find their receipt and anyone recompute the chain and the result from the public ballots', async () => {
    const n = await Neighbourhood.create(t);
    const people = [await n.resident(), await n.resident(), await n.resident()];
    const d = await n.deliberation(people[0]);
    const poll = await n.poll(d.id);
    const receipts: DeliberationBallotReceipt[] = [];
    for (const [i, p] of people.entries()) receipts.push((await n.post(p.token, `/polls/${poll.id}/ballots`, { choice: [i === 0 ? 'west' : 'east'] })).body);
    await n.expire(poll.id);
    const result = (await n.get(null, `/polls/${poll.id}`)).body.result;

    const chain = (await n.get(null, `/polls/${poll.id}/chain`)).body as DeliberationChainView;
    expect(chain.count).toBe(3);
    expect(JSON.stringify(chain)).not.toMatch(/voterKey|user:|clientKey/);
    expect(verifyChain(chain.ballots, { pollId: chain.chainPollId, head: result.chainHead, count: result.chainCount }).ok).toBe(true);
    const recount = tallyPoll({ type: 'single', optionIds: ['east', 'west'] }, chainTallyBallots(chain.ballots));
    expect(recount.options).toEqual(result.tally.options);

    const check = await n.get(null, `/polls/${poll.id}/receipts/${receipts[0].receipt}`);
    expect(check.body).toMatchObject({ found: true, chainOk: true, ballot: { seq: receipts[0].seq, choice: ['west'] } });
    const forged = await n.get(null, `/polls/${poll.id}/receipts/${'0'.repeat(64)}`);
    expect(forged.body.found).toBe(false);

    // Tampering with a stored ballot breaks the chain anyone downloads.
    await t.dataSource.query(`UPDATE poll_ballots SET choice = ? WHERE poll_id = ? AND seq = 1`, [JSON.stringify(['east']), poll.id]);
    const tampered = (await n.get(null, `/polls/${poll.id}/chain`)).body as DeliberationChainView;
    expect(verifyChain(tampered.ballots, { pollId: tampered.chainPollId, head: result.chainHead }).ok).toBe(false);
  });

  it('refuses misuse with a clear error and leaves the count unchanged', async () => {
    const n = await Neighbourhood.create(t);
    const voter = await n.resident();
    const outsider = await createUser(t.dataSource, { name: '外小区' });
    const outsiderToken = await t.tokenFor(outsider.id);
    const d = await n.deliberation(voter);
    const poll = await n.poll(d.id, { type: 'multiple', maxChoices: 2, options: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }, { id: 'c', label: '丙' }] });

    const unknown = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['z'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: 'ballot_invalid', details: { reason: 'unknown_option' } });
    const tooMany = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['a', 'b', 'c'] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.details.reason).toBe('too_many_options');
    const none = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: [] });
    expect(none.status).toBe(422);
    const stranger = await n.post(outsiderToken, `/polls/${poll.id}/ballots`, { choice: ['a'] });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toBe('not_eligible');
    const withUnit = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['a'], unitId: voter.household.id });
    expect(withUnit.status).toBe(400);

    const first = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['a', 'b'] });
    expect(first.status).toBe(201);
    // A second device that does not know about the first ballot cannot silently overwrite it.
    const second = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['c'] });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('ballot_exists');
    const stale = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['c'], replacesReceipt: 'f'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('ballot_changed');

    const scheduled = await n.poll(d.id, { opensAt: inHours(1), closesAt: inHours(3) });
    const early = await n.post(voter.token, `/polls/${scheduled.id}/ballots`, { choice: ['east'] });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: 'poll_not_open', details: { phase: 'scheduled' } });

    const keyed = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['a'], replacesReceipt: first.body.receipt }).set('Idempotency-Key', 'retry-after-close-1');
    expect(keyed.status).toBe(201);

    await n.expire(poll.id);
    // The phone never saw the answer and retries after the close: it gets the receipt, nothing new counts.
    const retried = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['a'], replacesReceipt: first.body.receipt }).set('Idempotency-Key', 'retry-after-close-1');
    expect(retried.status).toBe(200);
    expect(retried.body.receipt).toBe(keyed.body.receipt);
    const late = await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['c'], replacesReceipt: keyed.body.receipt });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('poll_not_open');

    const after = (await n.get(null, `/polls/${poll.id}`)).body as DeliberationPollView;
    expect(after.result!.chainCount).toBe(2);
    expect(after.result!.tally.voters).toBe(1);
    expect(after.result!.tally.options).toEqual([
      { optionId: 'a', votes: 1 },
      { optionId: 'b', votes: 0 },
      { optionId: 'c', votes: 0 },
    ]);
  });

  it('posts a comment once however often a phone repeats it with the same Idempotency-Key', async () => {
    const n = await Neighbourhood.create(t);
    const proposer = await n.resident();
    const neighbour = await n.resident();
    const d = await n.deliberation(proposer);
    const path = `/api/deliberations/${d.id}/comments`;
    const send = (body: object, key: string, token = neighbour.token) =>
      t.request.post(path).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body);

    // The first answer was lost; the phone sends the same post again, twice at once.
    const first = await send({ body: '建议晚上十点后停止充电。' }, 'comment-key-0001');
    expect(first.status).toBe(201);
    const [again, racing] = await Promise.all([send({ body: '建议晚上十点后停止充电。' }, 'comment-key-0001'), send({ body: '建议晚上十点后停止充电。' }, 'comment-key-0001')]);
    expect([again.status, racing.status]).toEqual([200, 200]);
    expect([again.body.id, racing.body.id]).toEqual([first.body.id, first.body.id]);
    const listed = (await n.get(null, `/deliberations/${d.id}/comments`)).body.items as Array<{ body: string }>;
    expect(listed.filter((c) => c.body === '建议晚上十点后停止充电。')).toHaveLength(1);

    // The same key for other words is refused; another author may use the same key; a malformed key is refused.
    const changed = await send({ body: '另一条意见' }, 'comment-key-0001');
    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe('idempotency_conflict');
    expect((await send({ body: '我也同意' }, 'comment-key-0001', proposer.token)).status).toBe(201);
    expect((await send({ body: '格式不对' }, 'bad key!')).status).toBe(400);
  });

  it('weights an owners’ vote by exclusive area, one ballot per unit, and publishes the Art. 278 decision', async () => {
    const n = await Neighbourhood.create(t);
    const big = await n.resident({ owner: { area: 120.5 } });
    const small = await n.resident({ owner: { area: 60.25 } });
    const third = await n.resident({ owner: { area: 80 } });
    // The big owner also owns a second flat: two units, one head.
    const second = await t.dataSource.getRepository(Household).save({ communityId: n.org.community.id, gridId: null, building: '2栋', unit: '1单元', room: unique('R') });
    await t.dataSource.getRepository(Residency).save({ userId: big.id, householdId: second.id, relation: 'owner', exclusiveArea: 99.99, status: 'verified' });
    const tenant = await n.resident();

    const d = await n.deliberation(big, { kind: 'owners' });
    const wrongType = await n.post(n.committee.token, `/deliberations/${d.id}/polls`, { title: '续聘物业', type: 'single', options: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }], opensAt: new Date().toISOString(), closesAt: inHours(2) });
    expect(wrongType.status).toBe(422);
    const poll = await n.poll(d.id, { title: '续聘物业服务企业', type: 'approval3', options: undefined, ownerMatter: 'hire_or_dismiss_manager', hideResultsUntilClose: true });
    expect(poll.eligibleCount).toBe(4);
    expect(poll.counts).toBeNull();

    const me = (await n.get(big.token, `/polls/${poll.id}/me`)).body;
    expect(me.slots.map((s: { unitId: number }) => s.unitId).sort()).toEqual([big.household.id, second.id].sort());

    expect((await n.post(big.token, `/polls/${poll.id}/ballots`, { choice: ['agree'], unitId: big.household.id })).status).toBe(201);
    expect((await n.post(big.token, `/polls/${poll.id}/ballots`, { choice: ['agree'], unitId: second.id })).status).toBe(201);
    const notMine = await n.post(big.token, `/polls/${poll.id}/ballots`, { choice: ['agree'], unitId: small.household.id });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error).toBe('not_unit_owner');
    const noUnit = await n.post(small.token, `/polls/${poll.id}/ballots`, { choice: ['agree'] });
    expect(noUnit.status).toBe(400);
    const tenantVote = await n.post(tenant.token, `/polls/${poll.id}/ballots`, { choice: ['agree'], unitId: tenant.household.id });
    expect(tenantVote.status).toBe(403);
    expect((await n.post(small.token, `/polls/${poll.id}/ballots`, { choice: ['disagree'], unitId: small.household.id })).status).toBe(201);
    expect((await n.post(third.token, `/polls/${poll.id}/ballots`, { choice: ['abstain'], unitId: third.household.id })).status).toBe(201);

    // Hidden until close: neither the counts nor the chain are public yet.
    expect((await n.get(null, `/polls/${poll.id}`)).body.counts).toBeNull();
    expect((await n.get(null, `/polls/${poll.id}/chain`)).status).toBe(403);

    await n.expire(poll.id);
    const closed = (await n.get(null, `/polls/${poll.id}`)).body as DeliberationPollView;
    const decision = closed.result!.ownerDecision!;
    expect(decision.totals).toEqual({ area: 12050 + 6025 + 8000 + 9999, owners: 3, units: 4 });
    expect(decision.agreeing.area).toBe(12050 + 9999);
    expect(decision.valid).toBe(true);
    // Agreeing area 22049 of 36074 participating is more than half; agreeing heads 1 of 3 is not.
    expect(decision.thresholds.agreementArea.met).toBe(true);
    expect(decision.thresholds.agreementOwners.met).toBe(false);
    expect(decision.passed).toBe(false);
    const board = (await n.get(null, `/communities/${n.org.community.id}/bulletin`)).body;
    expect(board.items[0].body).toContain('民法典');
    expect(board.items[0].body).toContain('决议未通过');
  });

  it('holds the roll of an owners’ vote over a community of 1 500 units (past what a TEXT column holds on MariaDB)', async () => {
    const n = await Neighbourhood.create(t);
    const developer = await n.resident({ owner: { area: 88.5 } });
    const units = 1_500;
    const households = await t.dataSource.getRepository(Household).save(
      Array.from({ length: units - 1 }, (_, i) => ({ communityId: n.org.community.id, gridId: null, building: `${1 + Math.floor(i / 100)}栋`, unit: '1单元', room: unique(`R${i}`) })),
      { chunk: 200 },
    );
    await t.dataSource.getRepository(Residency).save(
      households.map((h) => ({ userId: developer.id, householdId: h.id, relation: 'owner' as const, exclusiveArea: 90.25, status: 'verified' as const })),
      { chunk: 200 },
    );
    const d = await n.deliberation(developer, { kind: 'owners' });
    const poll = await n.poll(d.id, { title: '使用专项维修资金', type: 'approval3', options: undefined, ownerMatter: 'other_major' });
    expect(poll.eligibleCount).toBe(units);
    expect((await n.post(developer.token, `/polls/${poll.id}/ballots`, { choice: ['agree'], unitId: developer.household.id })).status).toBe(201);
    await n.expire(poll.id);
    const decision = ((await n.get(null, `/polls/${poll.id}`)).body as DeliberationPollView).result!.ownerDecision!;
    expect(decision.totals).toEqual({ area: 8850 + (units - 1) * 9025, owners: 1, units });
    expect(decision.participating).toMatchObject({ units: 1, owners: 1 });
  });

  it('closes an owners’ vote with the result a recount of every ballot gives: revotes, and an owner of several units voting both ways', async () => {
    const n = await Neighbourhood.create(t);
    const zhang = await n.resident({ owner: { area: 88.88 } });
    const li = await n.resident({ owner: { area: 120.01 } });
    const wang = await n.resident({ owner: { area: 75.5 } });
    const more = [45.67, 30];
    const units = [];
    for (const area of more) {
      const home = await t.dataSource.getRepository(Household).save({ communityId: n.org.community.id, gridId: null, building: '3栋', unit: '1单元', room: unique('R') });
      await t.dataSource.getRepository(Residency).save({ userId: zhang.id, householdId: home.id, relation: 'owner', exclusiveArea: area, status: 'verified' });
      units.push(home.id);
    }
    const d = await n.deliberation(zhang, { kind: 'owners' });
    const poll = await n.poll(d.id, { title: '使用维修资金更换电梯', type: 'approval3', options: undefined, ownerMatter: 'use_maintenance_fund' });
    const cast = async (who: Person, unitId: number, choice: string, replacesReceipt?: string) => {
      const res = await n.post(who.token, `/polls/${poll.id}/ballots`, { choice: [choice], unitId, ...(replacesReceipt ? { replacesReceipt } : {}) });
      expect(res.status).toBe(201);
      return res.body.receipt as string;
    };
    await cast(zhang, zhang.household.id, 'agree', await cast(zhang, zhang.household.id, 'disagree'));
    await cast(zhang, units[0], 'agree');
    await cast(zhang, units[1], 'abstain');
    await cast(li, li.household.id, 'disagree', await cast(li, li.household.id, 'agree'));
    await cast(wang, wang.household.id, 'agree');

    await n.expire(poll.id);
    const closed = (await n.get(null, `/polls/${poll.id}`)).body as DeliberationPollView;
    const stored = await t.dataSource.getRepository(Poll).findOneByOrFail({ id: poll.id });
    const ballots = await t.dataSource.getRepository(PollBallot).findBy({ pollId: poll.id });
    expect(closed.result).toEqual({ ...computePollResult(stored, ballots, { head: stored.chainHead!, count: stored.chainSeq }), bulletinPostId: closed.result!.bulletinPostId });
    const decision = closed.result!.ownerDecision!;
    expect(decision.totals).toEqual({ area: 8888 + 12001 + 7550 + 4567 + 3000, owners: 3, units: 5 });
    // Zhang abstains with one unit, so only Wang counts as an agreeing owner; Zhang's agreeing units' area still agrees.
    expect(decision.agreeing).toMatchObject({ area: 8888 + 4567 + 7550, units: 3, owners: 1 });
    expect(decision.participating).toMatchObject({ owners: 3, units: 5 });
    expect(closed.result!.tally).toMatchObject({ voters: 5, ballotsReceived: 7, superseded: 2, invalid: 0 });
  });

  it('lets visitors read topics, deliberations, polls and the board, but never act or see who voted', async () => {
    const n = await Neighbourhood.create(t);
    const voter = await n.resident();
    const d = await n.deliberation(voter);
    const poll = await n.poll(d.id);
    await n.post(voter.token, `/polls/${poll.id}/ballots`, { choice: ['east'] });

    expect((await n.get(null, `/communities/${n.org.community.id}/topics`)).body.items).toHaveLength(1);
    expect((await n.get(null, `/deliberations/${d.id}`)).status).toBe(200);
    const pollView = await n.get(null, `/polls/${poll.id}`);
    expect(pollView.status).toBe(200);
    expect(JSON.stringify(pollView.body)).not.toContain(`user:${voter.id}`);
    const chain = await n.get(null, `/polls/${poll.id}/chain`);
    expect(JSON.stringify(chain.body)).not.toMatch(/voter|user:/);

    expect((await n.post(null, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status).toBe(401);
    expect((await n.post(null, `/deliberations/${d.id}/comments`, { body: '路过' })).status).toBe(401);
    expect((await n.post(null, `/topics/${d.topicId}/support`)).status).toBe(401);
    expect((await n.get(null, `/polls/${poll.id}/me`)).status).toBe(401);
  });

  it('keeps pending and rejected topics to their proposer and reviewers, who see the reason', async () => {
    const n = await Neighbourhood.create(t);
    const proposer = await n.resident();
    const other = await n.resident();
    const pending = await n.resident({ status: 'pending' });
    const refused = await n.post(pending.token, `/communities/${n.org.community.id}/topics`, { title: '未认证的议题', body: '内容', scope: { kind: 'community' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('not_resident');

    const topic = (await n.post(proposer.token, `/communities/${n.org.community.id}/topics`, { title: '广场舞时间', body: '晚上九点后停止。', scope: { kind: 'community' } })).body as DeliberationTopicView;
    // Neighbours see a pending topic (to support it); visitors and outsiders do not.
    expect((await n.get(other.token, `/topics/${topic.id}`)).status).toBe(200);
    expect((await n.get(null, `/topics/${topic.id}`)).status).toBe(404);
    expect((await n.get(pending.token, `/communities/${n.org.community.id}/topics?status=pending`)).status).toBe(403);
    expect((await n.get(other.token, `/communities/${n.org.community.id}/topics?status=rejected`)).status).toBe(403);
    const queue = await n.get(n.branch.token, `/communities/${n.org.community.id}/topics?status=pending`);
    expect(queue.body.items.map((i: DeliberationTopicView) => i.id)).toEqual([topic.id]);

    expect((await n.post(n.branch.token, `/topics/${topic.id}/review`, { decision: 'reject' })).status).toBe(400);
    expect((await n.post(other.token, `/topics/${topic.id}/review`, { decision: 'approve' })).status).toBe(403);
    const rejected = await n.post(n.branch.token, `/topics/${topic.id}/review`, { decision: 'reject', reason: '属于物业管理事项，请联系物业' });
    expect(rejected.body.status).toBe('rejected');
    const seen = await n.get(proposer.token, `/topics/${topic.id}`);
    expect(seen.body.rejectReason).toBe('属于物业管理事项，请联系物业');
    expect((await n.get(other.token, `/topics/${topic.id}`)).status).toBe(404);
    expect((await n.post(n.branch.token, `/topics/${topic.id}/review`, { decision: 'approve' })).status).toBe(409);
    expect((await n.post(n.committee.token, `/topics/${topic.id}/deliberations`, { discussionEndsAt: inHours(5) })).status).toBe(409);

    // A branch of another community cannot review here.
    const elsewhere = await Neighbourhood.create(t);
    const t2 = (await n.post(proposer.token, `/communities/${n.org.community.id}/topics`, { title: '另一议题', body: '内容', scope: { kind: 'community' } })).body;
    expect((await n.post(elsewhere.branch.token, `/topics/${t2.id}/review`, { decision: 'approve' })).status).toBe(403);
  });

  it('merges a topic into an existing one, carrying its supporters over', async () => {
    const n = await Neighbourhood.create(t);
    const a = await n.resident();
    const b = await n.resident();
    const d = await n.deliberation(a);
    const dup = (await n.post(b.token, `/communities/${n.org.community.id}/topics`, { title: '也想装充电桩', body: '同上', scope: { kind: 'community' } })).body;
    await n.post(b.token, `/topics/${dup.id}/support`);
    const merged = await n.post(n.branch.token, `/topics/${dup.id}/review`, { decision: 'merge', mergeIntoTopicId: d.topicId });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoTopicId: d.topicId });
    expect((await n.get(null, `/topics/${d.topicId}`)).body.supportCount).toBe(1);
  });

  it('limits a building topic’s discussion to that building, lets the committee hide a comment with a reason and residents report abuse', async () => {
    const n = await Neighbourhood.create(t);
    const inside = await n.resident({ building: '3栋' });
    const outside = await n.resident({ building: '5栋' });
    const d = await n.deliberation(inside, { kind: 'building', building: '3栋' });
    const refused = await n.post(outside.token, `/deliberations/${d.id}/comments`, { body: '我也说两句' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('not_in_scope');
    const rude = (await n.post(inside.token, `/deliberations/${d.id}/comments`, { body: '不文明的话' })).body;
    expect((await n.post(outside.token, `/comments/${rude.id}/report`, { reason: '人身攻击' })).status).toBe(204);
    expect((await n.post(outside.token, `/comments/${rude.id}/report`, { reason: '人身攻击' })).status).toBe(409);
    expect((await n.post(inside.token, `/comments/${rude.id}/hide`, { reason: '违反议事规则' })).status).toBe(403);
    const hidden = await n.post(n.committee.token, `/comments/${rude.id}/hide`, { reason: '违反议事规则' });
    expect(hidden.body).toMatchObject({ hidden: true, body: null, hiddenReason: '违反议事规则' });
    const listed = (await n.get(null, `/deliberations/${d.id}/comments`)).body.items[0];
    expect(listed.body).toBeNull();

    await t.dataSource.getRepository(Deliberation).update({ id: d.id }, { discussionEndsAt: new Date(Date.now() - 1000) });
    const late = await n.post(inside.token, `/deliberations/${d.id}/comments`, { body: '还能说吗' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('discussion_closed');
  });
});

describe('deliberation with the demo district’s people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t.close());

  it('lets seeded residents of 越秀 community c01 propose and vote, the branch approve and the committee run the vote', async () => {
    const [resident, neighbour, branch, committee] = await Promise.all(
      ['resident-c01-001', 'resident-c01-002', 'branch-c01', 'committee-c01'].map((key) => t.loginAs(key)),
    );
    const me = (await t.request.get('/api/me').set('Authorization', `Bearer ${resident}`)).body;
    const communityId = me.community.id as number;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });

    const topic = await t.request.post(`/api/communities/${communityId}/topics`).set(as(resident)).send({ title: '小区增设长者饭堂', body: '希望在活动中心开设长者饭堂。', scope: { kind: 'community' } });
    expect(topic.status).toBe(201);
    expect((await t.request.post(`/api/topics/${topic.body.id}/support`).set(as(neighbour))).body.supportCount).toBe(1);
    expect((await t.request.post(`/api/topics/${topic.body.id}/review`).set(as(branch)).send({ decision: 'approve' })).status).toBe(200);
    const d = await t.request.post(`/api/topics/${topic.body.id}/deliberations`).set(as(committee)).send({ discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(d.status).toBe(201);
    const poll = await t.request
      .post(`/api/deliberations/${d.body.id}/polls`)
      .set(as(committee))
      .send({ title: '是否开设长者饭堂', type: 'approval3', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(poll.status).toBe(201);
    expect(poll.body.eligibleCount).toBeGreaterThan(2);
    expect((await t.request.post(`/api/polls/${poll.body.id}/ballots`).set(as(resident)).send({ choice: ['agree'] })).status).toBe(201);
    expect((await t.request.post(`/api/polls/${poll.body.id}/ballots`).set(as(neighbour)).send({ choice: ['abstain'] })).status).toBe(201);
    // The district administrator manages anywhere in the district but is not a resident, so cannot vote.
    const admin = await t.loginAs('admin');
    const refused = await t.request.post(`/api/polls/${poll.body.id}/ballots`).set(as(admin)).send({ choice: ['agree'] });
    expect(refused.status).toBe(403);
    expect((await t.request.get(`/api/polls/${poll.body.id}`)).body.counts.voters).toBe(2);
  });
});
