import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { browserSkipReason, snapshot } from './support/browser';
import { communityIdByCode, offeredResidentsOf } from './support/demo-residents';
import { PAGE_TIMEOUT, usePhoneSession } from './support/phone-session';

const skip = browserSkipReason();
const describeBrowser = skip ? describe.skip : describe;

/** The demo community the committee-c01 / branch-c01 users serve. */
const COMMUNITY_CODE = '440104001001';

/** A photo as a phone would take it: a real JPEG, made here rather than checked in. */
function phoneJpeg(color: string): Promise<Buffer> {
  return sharp({ create: { width: 960, height: 720, channels: 3, background: color } }).jpeg({ quality: 85 }).toBuffer();
}

describeBrowser('photos on 议事 topics and meeting minutes on the H5 mini-program', () => {
  const session = usePhoneSession('deliberation-photos');
  const { newPhone, open, signIn } = session;

  /** Picks one photo through the file input that Taro.chooseMedia opens on H5 and waits for its upload. */
  async function addPhoto(page: Page, pickerId: string, color: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`#${pickerId}-add`)]);
    await chooser.setFiles({ name: `${pickerId}.jpg`, mimeType: 'image/jpeg', buffer: await phoneJpeg(color) });
    await page.waitForSelector(`#${pickerId} .draft-photo--done`, { timeout: PAGE_TIMEOUT });
  }

  /** The thumbnail really loaded from the server (not a broken image). */
  async function thumbnailLoaded(page: Page, selector: string): Promise<boolean> {
    await page.waitForFunction(
      (sel) => {
        const img = document.querySelector(`${sel} img`) as HTMLImageElement | null;
        return !!img && img.complete && img.naturalWidth > 0;
      },
      selector,
      { timeout: PAGE_TIMEOUT },
    );
    return page.$eval(`${selector} img`, (img) => (img as HTMLImageElement).src.includes('/api/media/'));
  }


  it('sends a proposal photo with the topic and shows it on the topic page; the committee attaches minutes with a photo', async () => {
    const { server } = session;
    const communityId = await communityIdByCode(server, COMMUNITY_CODE);
    const [proposer] = await offeredResidentsOf(server, communityId);
    if (!proposer) throw new Error('no verified resident of the demo community is offered at sign-in');
    const proposerId = proposer.id;
    const title = `楼道堆放杂物 ${Date.now() % 100000}`;

    // A resident proposes a topic with one photo.
    const page = await newPhone();
    await signIn(page, proposerId);
    await open(page, `/pages/deliberations/propose/index?communityId=${communityId}`, '#propose-photos-add');
    await page.fill('#propose-title input', title);
    await page.fill('#propose-body textarea', '2栋楼道堆满纸箱，堵住消防通道，建议统一清理。');
    await addPhoto(page, 'propose-photos', '#8a6d3b');
    await page.click('#propose-submit');
    await page.waitForSelector('#topic-status', { timeout: PAGE_TIMEOUT });
    const topicId = Number(/[?&]id=(\d+)/.exec(page.url())?.[1]);

    // The topic was stored with exactly that photo, and the topic page shows it.
    const token = await server.tokenFor(proposerId);
    const topic = (await server.request.get(`/api/topics/${topicId}`).set('Authorization', `Bearer ${token}`)).body as { photoIds: string[] };
    expect(topic.photoIds).toHaveLength(1);
    expect(await thumbnailLoaded(page, '#topic-photos')).toBe(true);
    expect(await page.getAttribute('#topic-photos img', 'src')).toContain(topic.photoIds[0]);
    await snapshot(page, 'deliberation-topic-photos');

    // The branch approves it and the committee opens a deliberation (through the API: not what is tested here).
    const branchToken = await server.loginAs('branch-c01');
    const reviewed = await server.request.post(`/api/topics/${topicId}/review`).set('Authorization', `Bearer ${branchToken}`).send({ decision: 'approve' });
    expect(reviewed.status).toBe(200);
    const committeeToken = await server.loginAs('committee-c01');
    const opened = await server.request
      .post(`/api/topics/${topicId}/deliberations`)
      .set('Authorization', `Bearer ${committeeToken}`)
      .send({ discussionEndsAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    expect(opened.status).toBe(201);
    const deliberationId = opened.body.id as number;

    // The committee attaches the minutes of the offline meeting with a photo of the signed sheet.
    const committee = await newPhone();
    await signIn(committee, await server.userId('committee-c01'));
    await open(committee, `/pages/deliberations/detail/index?id=${deliberationId}`, '#minutes-add');
    expect(await thumbnailLoaded(committee, '#deliberation-topic-photos')).toBe(true);
    await committee.click('#minutes-add');
    await committee.fill('#minutes-title input', '楼道清理协商会');
    await committee.fill('#minutes-summary textarea', '到会居民 9 户，同意周六统一清理。');
    await addPhoto(committee, 'minutes-photos', '#2f4f6f');
    await committee.click('#minutes-submit');
    await committee.waitForSelector('#minutes-form', { state: 'detached', timeout: PAGE_TIMEOUT });

    const deliberation = (await server.request.get(`/api/deliberations/${deliberationId}`)).body as { minutes: Array<{ id: number; photoIds: string[] }> };
    expect(deliberation.minutes).toHaveLength(1);
    const [minutes] = deliberation.minutes;
    expect(minutes.photoIds).toHaveLength(1);
    expect(await thumbnailLoaded(committee, `#minutes-${minutes.id}-photos`)).toBe(true);
    expect(await committee.getAttribute(`#minutes-${minutes.id}-photos img`, 'src')).toContain(minutes.photoIds[0]);
    await snapshot(committee, 'deliberation-minutes-photos');
  }, 180_000);
});
