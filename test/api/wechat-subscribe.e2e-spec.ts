import { Logger } from '@nestjs/common';
import type { DeliberationPollView, WechatSubscriptionView } from '@linli/shared';
import type { AppConfig } from '../../server/src/config/app-config';
import { PollCloseService } from '../../server/src/deliberations/poll-close.service';
import { Poll } from '../../server/src/deliberations/entities/poll.entity';
import { User } from '../../server/src/users/user.entity';
import { PollResultSubscriptions } from '../../server/src/wechat/poll-result-subscriptions';
import { SubscriptionSweep } from '../../server/src/wechat/subscription-sweep.service';
import { WechatAccessTokens } from '../../server/src/wechat/wechat-access-tokens';
import { WechatSubscription } from '../../server/src/wechat/wechat-subscription.entity';
import { unique } from './support/factories';
import { Neighbourhood, type Person } from './support/neighbourhood';
import { startTestApp, type TestApp } from './support/test-app';
import { startWechatMessagesStandIn, type WechatMessagesStandIn } from './support/wechat-messages-stand-in';

const APP = { appId: 'wx-test-app', secret: 'test-secret-0123456789' };
const TEMPLATE = 'tmpl-poll-result-Abc_123';
const MINUTE = 60_000;

function configuredFor(wechat: WechatMessagesStandIn): Partial<AppConfig> {
  return {
    wechatApiBase: wechat.baseUrl,
    wechatAppId: APP.appId,
    wechatSecret: APP.secret,
    wechatPollResultTemplateId: TEMPLATE,
    wechatMiniprogramState: 'trial',
    wechatTimeoutMs: 300,
  };
}

/** A resident who signed in through WeChat (has an openid), unless `openid` is null. */
async function resident(n: Neighbourhood, openid: string | null = unique('openid')): Promise<Person & { openid: string | null }> {
  const person = await n.resident();
  if (openid) await n.t.dataSource.getRepository(User).update({ id: person.id }, { openid });
  return { ...person, openid };
}

const consent = (n: Neighbourhood, who: Person | null, pollId: number) =>
  n.post(who?.token ?? null, '/me/wechat-subscriptions', { templateKey: 'poll_result', subject: `poll:${pollId}` });

/** An open vote in a community of its own, the given people consenting to its result by WeChat. */
async function openVote(t: TestApp, opts: { title?: string } = {}) {
  const n = await Neighbourhood.create(t);
  const proposer = await n.resident();
  const poll = await n.poll((await n.deliberation(proposer)).id, opts.title ? { title: opts.title } : {});
  return { n, poll, proposer };
}

/** Closes the vote and waits for its WeChat messages (sent in the background after the close). */
async function closeAndSend(t: TestApp, n: Neighbourhood, poll: DeliberationPollView): Promise<void> {
  await n.expire(poll.id);
  expect(await t.app.get(PollCloseService).closePoll(poll.id)).toBe(true);
  await t.app.get(PollResultSubscriptions).idle();
}

const credit = (t: TestApp, userId: number, pollId: number) =>
  t.dataSource.getRepository(WechatSubscription).findOneByOrFail({ userId, templateKey: 'poll_result', subject: `poll:${pollId}` });

const sendsTo = (wechat: WechatMessagesStandIn, openid: string | null) => wechat.sends.filter((s) => s.body.touser === openid);

describe('vote results as WeChat subscription messages', () => {
  let wechat: WechatMessagesStandIn;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await startWechatMessagesStandIn(APP);
    t = await startTestApp(configuredFor(wechat), { seed: false });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });
  beforeEach(() => {
    wechat.tokenDelayMs = 0;
    wechat.sendDelayMs = 0;
  });

  it('tells the mini-program which template to ask consent for, signed in or not', async () => {
    const res = await t.request.get('/api/wechat/templates').expect(200);
    expect(res.body).toEqual({ poll_result: TEMPLATE });
  });

  it('sends one message to each consenting resident with an openid when the vote closes, with the vote, its result and its close time', async () => {
    const { n, poll, proposer } = await openVote(t, { title: '关于小区东门加装电动车集中充电桩具体位置的选择' });
    const voter = await resident(n);
    const alsoAsked = await resident(n);
    const didNotAsk = await resident(n);
    const noWechat = await resident(n, null);
    for (const person of [voter, alsoAsked, noWechat]) expect((await consent(n, person, poll.id)).status).toBe(201);
    // The proposer was on the roll when the vote was set up; the others are told of the result all the same.
    expect((await n.post(proposer.token, `/polls/${poll.id}/ballots`, { choice: ['east'] })).status).toBe(201);
    const sendsBefore = wechat.sends.length;

    await closeAndSend(t, n, poll);

    const mine = wechat.sends.slice(sendsBefore);
    expect(mine.map((s) => s.body.touser).sort()).toEqual([voter.openid, alsoAsked.openid].sort());
    expect(sendsTo(wechat, didNotAsk.openid)).toEqual([]);
    const closedAt = (await t.dataSource.getRepository(Poll).findOneByOrFail({ id: poll.id })).closedAt!;
    const beijing = new Date(new Date(closedAt).getTime() + 8 * 3600_000);
    const hhmm = `${String(beijing.getUTCHours()).padStart(2, '0')}:${String(beijing.getUTCMinutes()).padStart(2, '0')}`;
    for (const send of mine) {
      expect(send.answer).toBe(0);
      expect(send.body).toEqual({
        touser: send.body.touser,
        template_id: TEMPLATE,
        page: `pages/deliberations/poll/index?id=${poll.id}`,
        miniprogram_state: 'trial',
        lang: 'zh_CN',
        data: {
          thing1: { value: '关于小区东门加装电动车集中充电桩具体位…' },
          thing2: { value: '东门得票最多（1票）' },
          time3: { value: `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${hhmm}` },
        },
      });
      expect([...send.body.data.thing1.value]).toHaveLength(20);
    }
    expect(await credit(t, voter.id, poll.id)).toMatchObject({ status: 'sent', attempts: 1, lastErrcode: 0 });
    expect(await credit(t, alsoAsked.id, poll.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await credit(t, noWechat.id, poll.id)).toMatchObject({ status: 'failed', attempts: 0, lastError: 'no_openid' });

    // Closing again, and the sweep, find nothing more to send.
    expect(await t.app.get(PollCloseService).closePoll(poll.id)).toBe(false);
    await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 3600_000));
    expect(wechat.sends.length).toBe(sendsBefore + 2);
  });

  it('closes the vote and writes its notifications without waiting for WeChat', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    await t.app.get(WechatAccessTokens).get();
    wechat.sendDelayMs = 250;
    await n.expire(poll.id);

    const started = Date.now();
    expect(await t.app.get(PollCloseService).closePoll(poll.id)).toBe(true);
    expect(Date.now() - started).toBeLessThan(250);
    expect((await t.dataSource.getRepository(Poll).findOneByOrFail({ id: poll.id })).status).toBe('closed');
    expect((await n.get(person.token, '/me/notifications').expect(200)).body.items).toHaveLength(1);
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: expect.stringMatching(/^(due|sending)$/) });

    await t.app.get(PollResultSubscriptions).idle();
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'sent' });
  });

  it('fetches the access token once for many sends, reuses it across closes, and again only shortly before it expires', async () => {
    const tokens = t.app.get(WechatAccessTokens);
    let offset = 3 * 3600_000; // past any token fetched by earlier tests
    tokens.now = () => Date.now() + offset;
    try {
      wechat.tokenDelayMs = 100; // every send of the first close waits for the same slow token request
      const first = await openVote(t);
      const people = [];
      for (let i = 0; i < 4; i++) people.push(await resident(first.n));
      for (const person of people) await consent(first.n, person, first.poll.id);
      const tokenCalls = wechat.tokenCalls.length;
      await closeAndSend(t, first.n, first.poll);
      expect(wechat.tokenCalls.length).toBe(tokenCalls + 1);
      const call = wechat.tokenCalls[wechat.tokenCalls.length - 1];
      expect(Object.fromEntries(call)).toEqual({ grant_type: 'client_credential', appid: APP.appId, secret: APP.secret });
      const token = wechat.issuedTokens[wechat.issuedTokens.length - 1];
      const firstSends = people.map((p) => sendsTo(wechat, p.openid));
      expect(firstSends.map((s) => s.length)).toEqual([1, 1, 1, 1]);
      expect(firstSends.every(([s]) => s.accessToken === token && s.answer === 0)).toBe(true);

      const second = await openVote(t);
      const late = await resident(second.n);
      await consent(second.n, late, second.poll.id);
      offset += 7200_000 - 400_000; // not yet within five minutes of expiry
      await closeAndSend(t, second.n, second.poll);
      expect(wechat.tokenCalls.length).toBe(tokenCalls + 1);
      expect(sendsTo(wechat, late.openid).map((s) => s.accessToken)).toEqual([token]);

      const third = await openVote(t);
      const last = await resident(third.n);
      await consent(third.n, last, third.poll.id);
      offset += 200_000; // now within the last five minutes
      await closeAndSend(t, third.n, third.poll);
      expect(wechat.tokenCalls.length).toBe(tokenCalls + 2);
      expect(sendsTo(wechat, last.openid).map((s) => s.accessToken)).toEqual([wechat.issuedTokens[wechat.issuedTokens.length - 1]]);
      expect(sendsTo(wechat, last.openid)[0].accessToken).not.toBe(token);
    } finally {
      tokens.now = Date.now;
    }
  });

  it('fetches a new token once when WeChat rejects the current one (40001), and sends again with it', async () => {
    const { n, poll } = await openVote(t);
    const people = [await resident(n), await resident(n), await resident(n)];
    for (const person of people) await consent(n, person, poll.id);
    // Make sure a token is cached, then have WeChat drop it.
    const stale = await t.app.get(WechatAccessTokens).get();
    wechat.revokeTokens();
    const tokenCalls = wechat.tokenCalls.length;

    await closeAndSend(t, n, poll);

    expect(wechat.tokenCalls.length).toBe(tokenCalls + 1);
    const fresh = wechat.issuedTokens[wechat.issuedTokens.length - 1];
    for (const person of people) {
      // Refused with the old token (unless the new one was there before this send began), delivered with the new.
      const sends = sendsTo(wechat, person.openid);
      expect(sends.map((s) => s.answer)).toEqual(sends.length === 2 ? [40001, 0] : [0]);
      expect(sends.map((s) => s.accessToken)).toEqual(sends.length === 2 ? [stale, fresh] : [fresh]);
      expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'sent', attempts: 1 });
    }
    expect(wechat.sends.filter((s) => s.answer === 40001 && people.some((p) => p.openid === s.body.touser)).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a token fetched meanwhile when a late 40001 answers a send made with the one before', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    const tokens = t.app.get(WechatAccessTokens);
    const old = await tokens.get();
    wechat.scriptSends(person.openid!, [{ kind: 'error', errcode: 40001, errmsg: 'invalid credential', delayMs: 150 }]);
    const tokenCalls = wechat.tokenCalls.length;

    await n.expire(poll.id);
    await t.app.get(PollCloseService).closePoll(poll.id);
    while (sendsTo(wechat, person.openid).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // While that send waits for its answer, another one had the old token refused and fetched a new one.
    tokens.invalidate(old);
    const fresh = await tokens.get();
    await t.app.get(PollResultSubscriptions).idle();

    expect(wechat.tokenCalls.length).toBe(tokenCalls + 1);
    expect(sendsTo(wechat, person.openid).map((s) => [s.accessToken, s.answer])).toEqual([
      [old, 40001],
      [fresh, 0],
    ]);
    expect(await tokens.get()).toBe(fresh);
  });

  it('refreshes only once per send when the new token is refused too, and leaves the send to the sweep', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    wechat.scriptSends(person.openid!, [{ kind: 'error', errcode: 40001, errmsg: 'invalid credential' }], { always: true });
    const tokenCalls = wechat.tokenCalls.length;

    await closeAndSend(t, n, poll);

    expect(sendsTo(wechat, person.openid).map((s) => s.answer)).toEqual([40001, 40001]);
    expect(wechat.tokenCalls.length).toBe(tokenCalls + 1);
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'due', attempts: 1, lastErrcode: 40001 });
    wechat.scriptSends(person.openid!, []);
  });

  it('marks a message WeChat refuses (43101: no consent left) as refused and never tries it again', async () => {
    const { n, poll } = await openVote(t);
    const refuser = await resident(n);
    const fine = await resident(n);
    for (const person of [refuser, fine]) await consent(n, person, poll.id);
    wechat.scriptSends(refuser.openid!, [{ kind: 'error', errcode: 43101, errmsg: 'user refuse to accept the msg' }], { always: true });

    await closeAndSend(t, n, poll);
    for (const minutes of [2, 10, 60, 24 * 60]) await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + minutes * MINUTE));

    expect(sendsTo(wechat, refuser.openid).map((s) => s.answer)).toEqual([43101]);
    expect(await credit(t, refuser.id, poll.id)).toMatchObject({ status: 'refused', attempts: 1, lastErrcode: 43101, lastError: 'user refuse to accept the msg' });
    expect(await credit(t, fine.id, poll.id)).toMatchObject({ status: 'sent' });
  });

  it('retries a send that timed out from the sweep, with a growing wait, and gives it up as failed after the last try', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    wechat.scriptSends(person.openid!, [{ kind: 'slow', delayMs: 1500 }], { always: true });
    const sweep = t.app.get(SubscriptionSweep);
    const start = Date.now();

    await closeAndSend(t, n, poll);
    const afterFirst = await credit(t, person.id, poll.id);
    expect(afterFirst).toMatchObject({ status: 'due', attempts: 1, lastErrcode: null, lastError: 'timeout' });
    const firstWait = new Date(afterFirst.nextAttemptAt!).getTime() - start;
    expect(firstWait).toBeGreaterThanOrEqual(MINUTE - 1000);
    expect(firstWait).toBeLessThan(MINUTE + 10_000);

    // Not due yet: the sweep leaves it.
    await sweep.sweepOnce(new Date(start + 30_000));
    expect(sendsTo(wechat, person.openid)).toHaveLength(1);

    await sweep.sweepOnce(new Date(start + 2 * MINUTE));
    const afterSecond = await credit(t, person.id, poll.id);
    expect(afterSecond).toMatchObject({ status: 'due', attempts: 2, lastError: 'timeout' });
    // The wait doubles: two minutes after the second try (stored to the second).
    expect(new Date(afterSecond.nextAttemptAt!).getTime()).toBe(Math.floor((start + 4 * MINUTE) / 1000) * 1000);
    await sweep.sweepOnce(new Date(start + 4 * MINUTE));
    await sweep.sweepOnce(new Date(start + 60 * MINUTE));
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'failed', attempts: 4, lastErrcode: null, lastError: 'timeout' });

    await sweep.sweepOnce(new Date(start + 24 * 60 * MINUTE));
    expect(sendsTo(wechat, person.openid)).toHaveLength(4);
    wechat.scriptSends(person.openid!, []);
  });

  it('retries busy (-1), rate-limited (45009) and garbled answers and sends once WeChat accepts', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    wechat.scriptSends(person.openid!, [{ kind: 'garbage' }, { kind: 'error', errcode: -1, errmsg: 'system error' }, { kind: 'error', errcode: 45009, errmsg: 'reach max api daily quota limit' }]);
    const start = Date.now();

    await closeAndSend(t, n, poll);
    for (const minutes of [1, 3, 7]) await t.app.get(SubscriptionSweep).sweepOnce(new Date(start + minutes * MINUTE + 1000));

    expect(sendsTo(wechat, person.openid).map((s) => s.answer)).toEqual(['garbage', -1, 45009, 0]);
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'sent', attempts: 4, lastErrcode: 0 });
  });

  it('fails at once, without retrying, when WeChat answers an error that would repeat (40003: bad openid)', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    wechat.scriptSends(person.openid!, [{ kind: 'error', errcode: 40003, errmsg: 'invalid openid' }], { always: true });

    await closeAndSend(t, n, poll);
    await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 60 * MINUTE));

    expect(sendsTo(wechat, person.openid)).toHaveLength(1);
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'failed', attempts: 1, lastErrcode: 40003 });
  });

  it('retries when no token can be had (40125: wrong secret) and sends once one can', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    await consent(n, person, poll.id);
    wechat.revokeTokens();
    await t.app.get(WechatAccessTokens).get(); // a cached token WeChat no longer accepts…
    wechat.revokeTokens();
    wechat.scriptTokens([{ kind: 'error', errcode: 40125, errmsg: 'invalid appsecret' }]); // …and no new one at first

    await closeAndSend(t, n, poll);
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'due', attempts: 1, lastErrcode: null, lastError: 'token: 40125' });
    await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 2 * MINUTE));
    expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sendsTo(wechat, person.openid).map((s) => s.answer)).toEqual([40001, 0]);
  });

  it('sends what the closing process left undone: credits of a closed vote never released, and a send cut off mid-call', async () => {
    const { n, poll } = await openVote(t);
    const left = await resident(n);
    const cutOff = await resident(n);
    for (const person of [left, cutOff]) await consent(n, person, poll.id);
    // As if the closing process stopped right after its commit: the poll is closed, no credit released.
    await n.expire(poll.id);
    await t.dataSource.getRepository(Poll).update({ id: poll.id }, { status: 'closed', closedAt: new Date() });
    // …and another one stopped while sending: claimed, never finished.
    await t.dataSource.getRepository(WechatSubscription).update({ userId: cutOff.id }, { status: 'sending', attempts: 1, claimedAt: new Date(Date.now() - 3600_000) });

    const report = await t.app.get(SubscriptionSweep).sweepOnce(new Date());
    expect(report).toMatchObject({ released: 1, reclaimed: 1, sent: 2 });
    expect(sendsTo(wechat, left.openid)).toHaveLength(1);
    expect(sendsTo(wechat, cutOff.openid)).toHaveLength(1);
    expect(await credit(t, cutOff.id, poll.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never hands the app secret or an access token to the logger', async () => {
    const logged: unknown[][] = [];
    const spies = (['log', 'warn', 'error', 'debug', 'verbose', 'fatal'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
        logged.push(args);
      }),
    );
    try {
      const { n, poll } = await openVote(t);
      const people = [await resident(n), await resident(n), await resident(n)];
      for (const person of people) await consent(n, person, poll.id);
      wechat.revokeTokens();
      wechat.scriptTokens([{ kind: 'error', errcode: 40125, errmsg: 'invalid appsecret' }, { kind: 'garbage' }]);
      wechat.scriptSends(people[1].openid!, [{ kind: 'error', errcode: 43101 }]);
      wechat.scriptSends(people[2].openid!, [{ kind: 'slow', delayMs: 1500 }]);
      await closeAndSend(t, n, poll);
      await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 2 * MINUTE));
      await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 5 * MINUTE));
      expect(wechat.delivered().filter((s) => people.some((p) => p.openid === s.body.touser)).length).toBeGreaterThan(0);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    const text = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(0);
    expect(text).not.toContain(APP.secret);
    for (const token of wechat.issuedTokens) expect(text).not.toContain(token);
    expect(text).not.toContain('access_token=');
  });
});

describe('consent to a vote-result message (POST /api/me/wechat-subscriptions)', () => {
  let wechat: WechatMessagesStandIn;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await startWechatMessagesStandIn(APP);
    t = await startTestApp(configuredFor(wechat), { seed: false });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('records one credit per person and vote however often it is sent, 201 the first time and 200 after', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    const first = await consent(n, person, poll.id).expect(201);
    expect(first.body as WechatSubscriptionView).toEqual({ templateKey: 'poll_result', subject: `poll:${poll.id}`, status: 'waiting', createdAt: expect.any(String) });
    const again = await consent(n, person, poll.id).expect(200);
    expect(again.body).toEqual(first.body);
    const atOnce = await Promise.all(Array.from({ length: 10 }, () => consent(n, person, poll.id)));
    expect(atOnce.map((r) => r.status).every((s) => s === 200)).toBe(true);

    const other = await resident(n);
    const burst = await Promise.all(Array.from({ length: 10 }, () => consent(n, other, poll.id)));
    expect(burst.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    expect(burst.every((r) => r.status === 201 || r.status === 200)).toBe(true);

    const rows = await t.dataSource.getRepository(WechatSubscription).findBy({ subject: `poll:${poll.id}` });
    expect(rows.map((r) => r.userId).sort()).toEqual([person.id, other.id].sort());
  });

  it('refuses a visitor with 401', async () => {
    const { n, poll } = await openVote(t);
    const res = await consent(n, null, poll.id).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'unauthenticated' });
  });

  it.each([
    ['an unknown template', { templateKey: 'case_update', subject: 'poll:1' }, 'templateKey'],
    ['a subject that is not a poll', { templateKey: 'poll_result', subject: 'case:1' }, 'subject'],
    ['a poll id that is not a number', { templateKey: 'poll_result', subject: 'poll:abc' }, 'subject'],
    ['no subject', { templateKey: 'poll_result' }, 'subject'],
    ['an extra field', { templateKey: 'poll_result', subject: 'poll:1', openid: 'someone-else' }, 'openid'],
  ])('refuses %s with 400', async (_label, body, field) => {
    const { n } = await openVote(t);
    const person = await resident(n);
    const res = await n.post(person.token, '/me/wechat-subscriptions', body).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 404 for a vote that does not exist and 409 for one already closed', async () => {
    const { n, poll } = await openVote(t);
    const person = await resident(n);
    expect((await n.post(person.token, '/me/wechat-subscriptions', { templateKey: 'poll_result', subject: 'poll:999999999' }).expect(404)).body.error).toBe('not_found');
    await n.expire(poll.id);
    await t.app.get(PollCloseService).closePoll(poll.id);
    const res = await consent(n, person, poll.id).expect(409);
    expect(res.body.error).toBe('poll_closed');
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await t.dataSource.getRepository(WechatSubscription).countBy({ subject: `poll:${poll.id}` })).toBe(0);
  });
});

describe('subscription messages when WeChat is not configured', () => {
  let wechat: WechatMessagesStandIn;

  beforeAll(async () => {
    wechat = await startWechatMessagesStandIn(APP);
  });
  afterAll(async () => wechat?.close());

  it.each([
    ['no template id (the default)', { wechatTemplate: undefined, secret: APP.secret }],
    ['no app secret', { wechatTemplate: TEMPLATE, secret: undefined }],
  ])('with %s: asks nobody, records nothing, and never calls WeChat', async (_label, { wechatTemplate, secret }) => {
    const t = await startTestApp(
      { wechatApiBase: wechat.baseUrl, wechatAppId: APP.appId, wechatSecret: secret, wechatPollResultTemplateId: wechatTemplate, wechatTimeoutMs: 300 },
      { seed: false },
    );
    try {
      expect((await t.request.get('/api/wechat/templates').expect(200)).body).toEqual({ poll_result: null });
      const { n, poll } = await openVote(t);
      const person = await resident(n);
      const res = await consent(n, person, poll.id).expect(409);
      expect(res.body.error).toBe('subscribe_unavailable');
      // A credit from a time it was configured stays unspent.
      await t.dataSource.getRepository(WechatSubscription).insert({ userId: person.id, templateKey: 'poll_result', subject: `poll:${poll.id}` });
      await closeAndSend(t, n, poll);
      expect(await t.app.get(SubscriptionSweep).sweepOnce(new Date(Date.now() + 3600_000))).toMatchObject({ sent: 0, released: 0 });
      expect(await credit(t, person.id, poll.id)).toMatchObject({ status: 'waiting', attempts: 0 });
      expect(wechat.tokenCalls).toEqual([]);
      expect(wechat.sends).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
