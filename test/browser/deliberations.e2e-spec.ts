import type { Page } from 'playwright-core';
import { browserSkipReason, snapshot } from './support/browser';
import { communityIdByCode, offeredResidentsOf } from './support/demo-residents';
import { PAGE_TIMEOUT, usePhoneSession } from './support/phone-session';

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;

/** The demo community the committee-c01 / branch-c01 users serve. */
const COMMUNITY_CODE = '440104001001';
/**
 * The vote closes this long after it opens. Long enough for three residents to sign in and vote on a
 * busy machine, short enough that the test then waits for the real close (the server's sweep, not a
 * shortcut) and reads the result off the bulletin board.
 */
const VOTE_OPEN_MS = 75_000;

describeBrowser('deliberation and voting on the H5 mini-program', () => {
  const session = usePhoneSession('deliberations');
  const { newPhone, open, signIn } = session;

  const idFromUrl = (page: Page): number => Number(/[?&]id=(\d+)/.exec(page.url())?.[1]);

  it('takes a resident topic through review, a committee vote with three H5 voters, and shows the result on the bulletin board', async () => {
    const { server } = session;
    const communityId = await communityIdByCode(server, COMMUNITY_CODE);
    const residents = await offeredResidentsOf(server, communityId);
    expect(residents.length).toBeGreaterThanOrEqual(3);
    const [proposer, secondVoter, thirdVoter] = residents;
    const title = `东门加装充电桩 ${Date.now() % 100000}`;

    // 1. A resident proposes the topic on the 议事 tab.
    const proposerPage = await newPhone();
    await signIn(proposerPage, proposer.id);
    await open(proposerPage, '/pages/deliberation/index', '#delib-propose');
    await proposerPage.click('#delib-propose');
    await proposerPage.waitForSelector('#propose-page');
    await proposerPage.click('#propose-submit');
    // The form says what is missing before anything is sent.
    await proposerPage.waitForSelector('.field__error', { timeout: PAGE_TIMEOUT });
    await proposerPage.fill('#propose-title input', title);
    await proposerPage.fill('#propose-body textarea', '电动车在楼道充电有火灾隐患，建议在东门空地集中安装充电桩。');
    await proposerPage.click('#propose-submit');
    await proposerPage.waitForSelector('#topic-status', { timeout: PAGE_TIMEOUT });
    expect(await proposerPage.textContent('#topic-status')).toBe('待审核');
    const topicId = idFromUrl(proposerPage);
    expect(topicId).toBeGreaterThan(0);

    // 2. The community's party branch approves it from its review queue.
    const branchPage = await newPhone();
    await signIn(branchPage, await server.userId('branch-c01'));
    await open(branchPage, '/pages/deliberation/index', '#delib-review-queue');
    await branchPage.click('#delib-review-queue');
    await branchPage.waitForSelector(`#topic-review-${topicId}`, { timeout: PAGE_TIMEOUT });
    await branchPage.click(`#topic-approve-${topicId}`);
    await branchPage.waitForSelector(`#topic-review-${topicId}`, { state: 'detached', timeout: PAGE_TIMEOUT });

    // 3. The committee opens the deliberation on the topic page, then a vote closing shortly.
    const committeePage = await newPhone();
    await signIn(committeePage, await server.userId('committee-c01'));
    await open(committeePage, `/pages/deliberations/topic/index?id=${topicId}`, '#topic-open-deliberation');
    expect(await committeePage.textContent('#topic-status')).toBe('已通过');
    await committeePage.click('#topic-open-deliberation');
    await committeePage.waitForSelector('#deliberation-detail-page #deliberation-title', { timeout: PAGE_TIMEOUT });
    await committeePage.waitForSelector('#delib-new-poll', { timeout: PAGE_TIMEOUT });
    const deliberationId = idFromUrl(committeePage);

    const committeeToken = await server.loginAs('committee-c01');
    const opensAt = new Date();
    const created = await server.request
      .post(`/api/deliberations/${deliberationId}/polls`)
      .set('Authorization', `Bearer ${committeeToken}`)
      .send({
        title,
        type: 'single',
        options: [
          { id: 'east', label: '东门空地' },
          { id: 'west', label: '西门车棚' },
        ],
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + VOTE_OPEN_MS).toISOString(),
      });
    expect(created.status).toBe(201);
    const pollId = created.body.id as number;
    const pollRoute = `/pages/deliberations/poll/index?id=${pollId}`;

    // A visitor watches the vote: counts are public and live, voting is not offered.
    const visitorPage = await newPhone();
    await open(visitorPage, pollRoute, '#poll-counts');
    expect(await visitorPage.locator('#poll-sign-in').count()).toBe(1);
    expect(await visitorPage.locator('.ballot-submit').count()).toBe(0);

    // 4. Three residents vote on H5; the third changes their ballot before the close.
    async function vote(page: Page, optionId: string): Promise<string> {
      await page.click(`#ballot-option-self-${optionId}`);
      await page.click('#ballot-submit-self');
      await page.waitForSelector('#ballot-receipt-self', { timeout: PAGE_TIMEOUT });
      return ((await page.textContent('#ballot-receipt-self')) ?? '').replace(/\s+/g, '');
    }

    const pages: Page[] = [];
    for (const voter of [proposer, secondVoter, thirdVoter]) {
      const page = await newPhone();
      await signIn(page, voter.id);
      await open(page, pollRoute, '#ballot-submit-self');
      pages.push(page);
    }

    // Submitting nothing gets the shared ballot rule's message, and nothing is sent.
    await pages[0].click('#ballot-submit-self');
    expect(await pages[0].textContent('#ballot-error-self')).toBe('请至少选择一个选项');

    const firstReceipt = await vote(pages[0], 'west');
    expect(firstReceipt).toMatch(/^[0-9a-f]{64}$/);
    await vote(pages[1], 'west');
    const beforeChange = await vote(pages[2], 'east');
    await pages[2].click('#ballot-change-self');
    const afterChange = await vote(pages[2], 'west');
    expect(afterChange).toMatch(/^[0-9a-f]{64}$/);
    expect(afterChange).not.toBe(beforeChange);

    // The voter checks their receipt: the server finds it, and the phone recomputes the published chain.
    await pages[0].click('#receipt-check');
    await pages[0].waitForSelector('#receipt-check-result', { timeout: PAGE_TIMEOUT });
    expect(await pages[0].textContent('#receipt-check-result')).toContain('回执有效');
    await pages[0].waitForSelector('#receipt-check-local', { timeout: PAGE_TIMEOUT });
    expect(await pages[0].textContent('#receipt-check-local')).toContain('回执在链上');
    await snapshot(pages[2], 'deliberations-ballot-changed');

    // The visitor's page followed the counts live: west 3 (the changed ballot counts once), east 0.
    await visitorPage.waitForFunction(
      () => document.querySelector('.poll-count-west .poll-count-votes')?.textContent?.startsWith('3 票'),
      undefined,
      { timeout: PAGE_TIMEOUT },
    );
    expect(await visitorPage.textContent('.poll-count-east .poll-count-votes')).toContain('0 票');

    // 5. The vote closes on time; the visitor's page turns to the result without a reload.
    const closesIn = opensAt.getTime() + VOTE_OPEN_MS - Date.now();
    await visitorPage.waitForSelector('#poll-result-headline', { timeout: Math.max(closesIn, 0) + 30_000 });
    expect(await visitorPage.textContent('#poll-status')).toBe('已结束');
    expect(await visitorPage.textContent('#poll-result-headline')).toBe('得票最多：西门车棚');

    // 6. The bulletin board shows the result to anyone, without naming who voted what.
    const boardPage = await newPhone();
    await open(boardPage, `/pages/deliberations/bulletin/index?communityId=${communityId}`, '.bulletin-post-poll_result');
    const post = boardPage.locator('.bulletin-post-poll_result').filter({ hasText: title });
    await post.first().waitFor({ timeout: PAGE_TIMEOUT });
    const text = (await post.first().textContent()) ?? '';
    expect(text).toContain('西门车棚 3 票');
    expect(text).toContain('东门空地 0 票');
    for (const voter of [proposer, secondVoter, thirdVoter]) expect(text).not.toContain(voter.name);
    await snapshot(boardPage, 'deliberations-bulletin');

    // 7. Each resident was told: 我的 counts the unread message, and opening it marks it read and leads to the result.
    const residentPage = pages[1];
    await open(residentPage, '/pages/me/index', '#me-notifications');
    await residentPage.waitForFunction(() => /条未读/.test(document.querySelector('#me-notifications-unread')?.textContent ?? ''), undefined, { timeout: PAGE_TIMEOUT });
    await residentPage.click('#me-notifications');
    const message = residentPage.locator('.notification--unread').filter({ hasText: `投票结果：${title}` });
    await message.first().waitFor({ timeout: PAGE_TIMEOUT });
    expect(await message.first().textContent()).toContain('西门车棚 3 票');
    await snapshot(residentPage, 'notifications-poll-result');
    await message.first().click();
    await residentPage.waitForSelector('#poll-result-headline', { timeout: PAGE_TIMEOUT });
    expect(await residentPage.textContent('#poll-result-headline')).toBe('得票最多：西门车棚');
    await open(residentPage, '/pages/me/notifications/index', '.notification');
    expect(await residentPage.locator('.notification--read').filter({ hasText: `投票结果：${title}` }).count()).toBe(1);
  }, 300_000);

  it('lets residents discuss, the committee hide a comment and attach minutes, the branch decline a topic with a reason, and shows an owners vote against the Art. 278 thresholds', async () => {
    const { server } = session;
    const communityId = await communityIdByCode(server, COMMUNITY_CODE);
    // Owners: the topic is an owners' matter, so only they may discuss and vote on it.
    const owners = (await offeredResidentsOf(server, communityId)).filter((r) => r.owner);
    expect(owners.length).toBeGreaterThanOrEqual(2);
    const [first, second] = owners;
    const auth = async (token: string | Promise<string>) => ({ Authorization: `Bearer ${await token}` });

    // An owners' topic, reviewed and opened through the API (the first scenario drives these pages).
    const topic = await server.request
      .post(`/api/communities/${communityId}/topics`)
      .set(await auth(server.tokenFor(first.id)))
      .send({ title: '使用维修资金更换二次供水水泵', body: '水泵老化，停水频繁，建议动用维修资金更换。', scope: { kind: 'owners' } });
    expect(topic.status).toBe(201);
    const review = await server.request.post(`/api/topics/${topic.body.id}/review`).set(await auth(server.loginAs('branch-c01'))).send({ decision: 'approve' });
    expect(review.status).toBeLessThan(300);
    const committee = await auth(server.loginAs('committee-c01'));
    const deliberation = await server.request
      .post(`/api/topics/${topic.body.id}/deliberations`)
      .set(committee)
      .send({ discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(deliberation.status).toBe(201);
    const detailRoute = `/pages/deliberations/detail/index?id=${deliberation.body.id}`;

    // Discussion on H5: a comment, a reply to it.
    const firstPage = await newPhone();
    await signIn(firstPage, first.id);
    await open(firstPage, detailRoute, '#comment-submit');
    await firstPage.fill('#comment-body textarea', '同意更换，但要公开报价。');
    await firstPage.click('#comment-submit');
    const comment = firstPage.locator('.delib-comment').filter({ hasText: '同意更换，但要公开报价。' });
    await comment.waitFor({ timeout: PAGE_TIMEOUT });
    const commentId = Number(((await comment.getAttribute('id')) ?? '').replace('comment-', ''));

    const secondPage = await newPhone();
    await signIn(secondPage, second.id);
    await open(secondPage, detailRoute, `#comment-reply-${commentId}`);
    await secondPage.click(`#comment-reply-${commentId}`);
    await secondPage.fill('#comment-body textarea', '附议，报价要三家比价。');
    await secondPage.click('#comment-submit');
    await secondPage.locator('.delib-reply').filter({ hasText: '附议，报价要三家比价。' }).waitFor({ timeout: PAGE_TIMEOUT });

    // The committee hides the first comment; the reason shows in its place.
    const committeePage = await newPhone();
    await signIn(committeePage, await server.userId('committee-c01'));
    await open(committeePage, detailRoute, `#comment-hide-${commentId}`);
    await committeePage.click(`#comment-hide-${commentId}`);
    await committeePage.fill(`#comment-reason-${commentId} input`, '含未经核实的报价信息');
    await committeePage.click(`#comment-reason-confirm-${commentId}`);
    await committeePage.waitForSelector(`#comment-${commentId} .comment-hidden`, { timeout: PAGE_TIMEOUT });

    // The committee attaches the minutes of the offline meeting.
    await committeePage.click('#minutes-add');
    await committeePage.fill('#minutes-title input', '水泵更换协商会');
    await committeePage.fill('#minutes-summary textarea', '到会业主 12 户，同意先请三家公司报价。');
    await committeePage.click('#minutes-submit');
    await committeePage.locator('.card').filter({ hasText: '水泵更换协商会' }).first().waitFor({ timeout: PAGE_TIMEOUT });

    // A visitor reads the thread, sees the reason instead of the text, and is offered no way to take part.
    const visitorPage = await newPhone();
    await open(visitorPage, detailRoute, `#comment-${commentId} .comment-hidden`);
    expect(await visitorPage.textContent(`#comment-${commentId} .comment-hidden`)).toContain('含未经核实的报价信息');
    expect(await visitorPage.textContent(`#comment-${commentId}`)).not.toContain('公开报价');
    expect(await visitorPage.locator('#comment-form').count()).toBe(0);
    expect(await visitorPage.locator('#delib-new-poll').count()).toBe(0);
    expect(await visitorPage.textContent('#deliberation-detail-page')).toContain('到会业主 12 户');

    // A topic the party branch turns down: the reason is required, and the proposer reads it.
    const declined = await server.request
      .post(`/api/communities/${communityId}/topics`)
      .set(await auth(server.tokenFor(first.id)))
      .send({ title: '物业费调整', body: '希望降低物业费。', scope: { kind: 'community' } });
    expect(declined.status).toBe(201);
    const branchPage = await newPhone();
    await signIn(branchPage, await server.userId('branch-c01'));
    await open(branchPage, `/pages/deliberations/review/index?communityId=${communityId}`, `#topic-reject-${declined.body.id}`);
    await branchPage.click(`#topic-reject-${declined.body.id}`);
    await branchPage.locator(`#topic-review-${declined.body.id}`).getByText('不通过时请填写原因').waitFor({ timeout: PAGE_TIMEOUT });
    await branchPage.fill(`#topic-review-reason-${declined.body.id} input`, '物业费标准由业主大会决定，请先联系业委会');
    await branchPage.click(`#topic-reject-${declined.body.id}`);
    await branchPage.waitForSelector(`#topic-review-${declined.body.id}`, { state: 'detached', timeout: PAGE_TIMEOUT });
    await open(firstPage, `/pages/deliberations/topic/index?id=${declined.body.id}`, '#topic-reject-reason');
    expect(await firstPage.textContent('#topic-status')).toBe('未通过');
    expect(await firstPage.textContent('#topic-reject-reason')).toContain('请先联系业委会');

    // An owners' vote, closing shortly: the first owner votes on H5 from their unit, another by the API.
    const opensAt = new Date();
    const poll = await server.request
      .post(`/api/deliberations/${deliberation.body.id}/polls`)
      .set(committee)
      .send({
        title: '是否同意使用维修资金更换水泵',
        type: 'approval3',
        ownerMatter: 'use_maintenance_fund',
        opensAt: opensAt.toISOString(),
        closesAt: new Date(opensAt.getTime() + 30_000).toISOString(),
      });
    expect(poll.status).toBe(201);
    const pollRoute = `/pages/deliberations/poll/index?id=${poll.body.id}`;
    const slotsOf = async (userId: number) =>
      (await server.request.get(`/api/polls/${poll.body.id}/me`).set(await auth(server.tokenFor(userId)))).body.slots as Array<{ unitId: number }>;
    const unit = (await slotsOf(first.id))[0].unitId;
    await open(firstPage, pollRoute, `#ballot-submit-${unit}`);
    await firstPage.click(`#ballot-option-${unit}-agree`);
    await firstPage.click(`#ballot-submit-${unit}`);
    await firstPage.waitForSelector(`#ballot-receipt-${unit}`, { timeout: PAGE_TIMEOUT });
    const cast = await server.request
      .post(`/api/polls/${poll.body.id}/ballots`)
      .set(await auth(server.tokenFor(second.id)))
      .send({ choice: ['disagree'], unitId: (await slotsOf(second.id))[0].unitId });
    expect(cast.status).toBe(201);

    // After the close, the result page states each threshold plainly, as the published decision has it.
    await open(visitorPage, pollRoute, '#poll-page');
    await visitorPage.waitForSelector('#poll-result-headline', { timeout: Math.max(opensAt.getTime() + 30_000 - Date.now(), 0) + 30_000 });
    const decision = (await server.request.get(`/api/polls/${poll.body.id}`)).body.result.ownerDecision;
    const area = decision.thresholds.participationArea;
    const line = (await visitorPage.textContent('.poll-result-threshold-participationArea')) ?? '';
    expect(line).toBe(`参与面积 ${area.share.percent} ${area.met ? '≥' : '<'} 2/3 ${area.met ? '✓' : '✗'}`);
    expect(await visitorPage.locator('[class*="poll-result-threshold-"]').count()).toBe(4);
    expect(await visitorPage.textContent('#poll-result-headline')).toBe(decision.valid ? (decision.passed ? '决议通过' : '决议未通过') : '参与表决的业主未达法定比例，表决不成立');
    await snapshot(visitorPage, 'deliberations-owners-result');

    // The bulletin board prints the same lines.
    await open(visitorPage, `/pages/deliberations/bulletin/index?communityId=${communityId}`, '.bulletin-threshold-participationArea');
    expect(await visitorPage.textContent('.bulletin-threshold-participationArea')).toBe(line);
  }, 240_000);
});
