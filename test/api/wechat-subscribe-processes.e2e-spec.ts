import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../server/src/config/app-config';
import { PollCloseService } from '../../server/src/deliberations/poll-close.service';
import { User } from '../../server/src/users/user.entity';
import { PollResultSubscriptions } from '../../server/src/wechat/poll-result-subscriptions';
import { SubscriptionSweep } from '../../server/src/wechat/subscription-sweep.service';
import { WechatSubscription } from '../../server/src/wechat/wechat-subscription.entity';
import { unique } from './support/factories';
import { Neighbourhood, type Person } from './support/neighbourhood';
import { startTestApp, type TestApp } from './support/test-app';
import { startWechatMessagesStandIn, type WechatMessagesStandIn } from './support/wechat-messages-stand-in';
import { WechatSendingProcess } from './wechat-send-process';

const APP = { appId: 'wx-test-app', secret: 'test-secret-0123456789' };

/** An open vote with `count` residents who signed in through WeChat and asked for its result there. */
async function voteWithSubscribers(t: TestApp, count: number) {
  const n = await Neighbourhood.create(t);
  const poll = await n.poll((await n.deliberation(await n.resident())).id);
  const people: (Person & { openid: string })[] = [];
  for (let i = 0; i < count; i++) {
    const person = await n.resident();
    const openid = unique('openid');
    await t.dataSource.getRepository(User).update({ id: person.id }, { openid });
    const res = await n.post(person.token, '/me/wechat-subscriptions', { templateKey: 'poll_result', subject: `poll:${poll.id}` });
    expect(res.status).toBe(201);
    people.push({ ...person, openid });
  }
  return { n, poll, people };
}

describe('vote-result messages from two server processes at once', () => {
  let dir: string;
  let wechat: WechatMessagesStandIn;
  let t: TestApp;
  let second: WechatSendingProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-wechat-'));
    wechat = await startWechatMessagesStandIn(APP);
    const config: Partial<AppConfig> = {
      wechatApiBase: wechat.baseUrl,
      wechatAppId: APP.appId,
      wechatSecret: APP.secret,
      wechatPollResultTemplateId: 'tmpl-poll-result',
      wechatTimeoutMs: 2000,
    };
    const mysql = process.env.DATABASE_URL && /^(mysql|mariadb):/.test(process.env.DATABASE_URL);
    const sqliteUrl = `sqlite:${join(dir, 'shared.sqlite')}`;
    t = await startTestApp(mysql ? config : { ...config, databaseUrl: sqliteUrl }, { seed: false });
    second = await WechatSendingProcess.start(mysql ? String((t.dataSource.options as { url?: string }).url) : sqliteUrl, config);
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await t?.close();
    await wechat?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    wechat.sendDelayMs = 0;
  });

  it('sends each credit once when both close the vote and both sweep while the messages go out', async () => {
    const { n, poll, people } = await voteWithSubscribers(t, 24);
    await n.expire(poll.id);
    wechat.sendDelayMs = 60; // sends overlap: both processes find due credits while the others are in flight

    const [here, there] = await Promise.all([
      t.app.get(PollCloseService).closePoll(poll.id),
      second.close(poll.id),
      (async () => {
        // Both sweep while the closing process is still sending.
        await new Promise((resolve) => setTimeout(resolve, 30));
        await Promise.all([t.app.get(SubscriptionSweep).sweepOnce(new Date()), second.sweep(new Date())]);
      })(),
    ]);
    expect([here, there].filter(Boolean)).toHaveLength(1);
    await t.app.get(PollResultSubscriptions).idle();

    const sends = wechat.sends.filter((s) => people.some((p) => p.openid === s.body.touser));
    expect(sends.map((s) => s.body.touser).sort()).toEqual(people.map((p) => p.openid).sort());
    expect(sends.every((s) => s.answer === 0)).toBe(true);
    const credits = await t.dataSource.getRepository(WechatSubscription).findBy({ subject: `poll:${poll.id}` });
    expect(credits.map((c) => [c.status, c.attempts])).toEqual(people.map(() => ['sent', 1]));
  }, 60_000);

  it('retries each due credit once when both processes sweep at the same moment', async () => {
    const { n, poll, people } = await voteWithSubscribers(t, 16);
    for (const person of people) wechat.scriptSends(person.openid, [{ kind: 'error', errcode: -1, errmsg: 'system error' }]);
    await n.expire(poll.id);
    await t.app.get(PollCloseService).closePoll(poll.id);
    await t.app.get(PollResultSubscriptions).idle();
    const credits = () => t.dataSource.getRepository(WechatSubscription).findBy({ subject: `poll:${poll.id}` });
    expect((await credits()).map((c) => c.status)).toEqual(people.map(() => 'due'));

    wechat.sendDelayMs = 40;
    const later = new Date(Date.now() + 5 * 60_000);
    const [mine, theirs] = await Promise.all([t.app.get(SubscriptionSweep).sweepOnce(later), second.sweep(later)]);
    expect(mine.sent + theirs.sent).toBe(people.length);

    for (const person of people) expect(wechat.sends.filter((s) => s.body.touser === person.openid).map((s) => s.answer)).toEqual([-1, 0]);
    expect((await credits()).map((c) => [c.status, c.attempts])).toEqual(people.map(() => ['sent', 2]));
  }, 60_000);
});
