import { browserSkipReason } from './support/browser';
import { PAGE_TIMEOUT, usePhoneSession } from './support/phone-session';

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;

describeBrowser('the committee handles reported comments on the H5 mini-program', () => {
  const session = usePhoneSession('deliberation-reports');
  const { newPhone, open, signIn } = session;

  it('opens 举报处理 from 我的, dismisses one reported comment with a note, hides another, and finds both under 已处理', async () => {
    const { server } = session;
    const [author, reporter, branch, committee] = await Promise.all(
      ['resident-c01-001', 'resident-c01-002', 'branch-c01', 'committee-c01'].map((key) => server.loginAs(key)),
    );
    const post = (token: string, path: string, body: object) => server.request.post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body);
    const me = (await server.request.get('/api/me').set('Authorization', `Bearer ${author}`)).body;
    const topic = await post(author, `/communities/${me.community.id}/topics`, { title: `小区噪音管理 ${Date.now() % 100000}`, body: '晚上广场舞太吵。', scope: { kind: 'community' } });
    expect((await post(branch, `/topics/${topic.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    const deliberation = await post(committee, `/topics/${topic.body.id}/deliberations`, { discussionEndsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const say = async (body: string) => (await post(author, `/deliberations/${deliberation.body.id}/comments`, { body })).body.id as number;
    const calm = await say('建议晚上九点后降低音量');
    const rude = await say('跳舞的人都没素质');
    expect((await post(reporter, `/comments/${calm}/report`, { reason: '我觉得不妥' })).status).toBe(204);
    expect((await post(reporter, `/comments/${rude}/report`, { reason: '地域歧视和人身攻击' })).status).toBe(204);

    const page = await newPhone();
    await signIn(page, await server.userId('committee-c01'));
    await page.click('#me-section-comment-reports');
    await page.waitForSelector(`#reported-${rude}`, { timeout: PAGE_TIMEOUT });
    expect(await page.textContent(`#reported-${rude}`)).toContain('地域歧视和人身攻击');
    expect(await page.textContent(`#reported-${calm}`)).toContain('举报 1 次');

    // Dismissing needs a note; the form says so before anything is sent.
    await page.click(`#reported-dismiss-${calm}`);
    await page.click(`#reported-confirm-${calm}`);
    await page.waitForSelector(`#reported-${calm} .error-note`, { timeout: PAGE_TIMEOUT });
    await page.fill(`#reported-text-${calm} input`, '属于正常建议');
    await page.click(`#reported-confirm-${calm}`);
    await page.waitForSelector(`#reported-${calm}`, { state: 'detached', timeout: PAGE_TIMEOUT });

    await page.click(`#reported-hide-${rude}`);
    await page.fill(`#reported-text-${rude} input`, '含人身攻击');
    await page.click(`#reported-confirm-${rude}`);
    await page.waitForSelector('#reports-empty', { timeout: PAGE_TIMEOUT });

    await page.click('#reports-tab-handled');
    await page.waitForSelector(`#reported-${rude}`, { timeout: PAGE_TIMEOUT });
    const committeeName = (await server.request.get('/api/me').set('Authorization', `Bearer ${committee}`)).body.name as string;
    expect(await page.textContent(`#reported-${rude}`)).toContain(`已隐藏评论 · ${committeeName}`);
    expect(await page.textContent(`#reported-${rude}`)).toContain('含人身攻击');
    expect(await page.textContent(`#reported-${calm}`)).toContain('已驳回举报');
    expect(await page.textContent(`#reported-${calm}`)).toContain('属于正常建议');
  });
});
