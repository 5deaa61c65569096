import type { DeliberationPage, DeliberationReportedCommentView } from '@linli/shared';
import { Neighbourhood, type Person } from './support/neighbourhood';
import { startTestApp, type TestApp } from './support/test-app';

/** A Neighbourhood with comments, reports and the committee's queue of them. */
class Community extends Neighbourhood {
  private named = 0;

  static async create(t: TestApp): Promise<Community> {
    const n = await Neighbourhood.create(t);
    return new Community(n.t, n.org, n.branch, n.committee);
  }

  get id(): number {
    return this.org.community.id;
  }

  /** A verified resident with a distinctive name, so a leaked name would show in a response. */
  person(name = `居民${'甲乙丙丁戊己庚辛壬癸'[this.named++ % 10]}号`): Promise<Person> {
    return this.resident({ name });
  }

  /** A deliberation under this title, proposed by the resident, approved and opened; its id. */
  async topic(proposer: Person, title: string): Promise<number> {
    return (await this.deliberation(proposer, { kind: 'community' }, title)).id;
  }

  async comment(author: Person, deliberationId: number, body: string, parentId?: number): Promise<number> {
    const res = await this.post(author.token, `/deliberations/${deliberationId}/comments`, parentId ? { body, parentId } : { body });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  async report(reporter: Person, commentId: number, reason: string): Promise<void> {
    expect((await this.post(reporter.token, `/comments/${commentId}/report`, { reason })).status).toBe(204);
  }

  queue(token: string | null, query = '') {
    return this.get(token, `/communities/${this.id}/comment-reports${query}`);
  }

  async items(query = '?status=open'): Promise<DeliberationReportedCommentView[]> {
    const res = await this.queue(this.committee.token, query);
    expect(res.status).toBe(200);
    return (res.body as DeliberationPage<DeliberationReportedCommentView>).items;
  }
}

describe('the committee’s queue of reported comments (/api)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(async () => t.close());

  it('lists the community’s reported comments newest report first, with reasons and counts but never who reported', async () => {
    const c = await Community.create(t);
    const [author, replier, reporterA, reporterB] = [await c.person('张三丰'), await c.person('欧阳娜娜'), await c.person('举报人赵钱'), await c.person('举报人孙李')];
    const first = await c.topic(author, '东门加装充电桩');
    const second = await c.topic(author, '楼道加装声控灯');
    const rude = await c.comment(author, first, '不文明的话');
    const fine = await c.comment(author, first, '支持加装');
    const reply = await c.comment(replier, second, '你懂什么', await c.comment(author, second, '建议装感应灯'));
    await c.report(reporterA, rude, '人身攻击');
    await c.report(reporterB, rude, '语言粗俗');
    await c.report(reporterA, reply, '挑衅');

    // Another community's reports are its own committee's business.
    const other = await Community.create(t);
    const stranger = await other.person();
    await other.report(stranger, await other.comment(stranger, await other.topic(stranger, '别处的议题'), '别处的评论'), '广告');

    const res = await c.queue(c.committee.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    const items = res.body.items as DeliberationReportedCommentView[];
    expect(items.map((i) => i.commentId)).toEqual([reply, rude]);
    expect(items.map((i) => i.commentId)).not.toContain(fine);
    expect(items[0]).toMatchObject({
      deliberationId: second,
      deliberationTitle: '楼道加装声控灯',
      parentId: expect.any(Number),
      authorName: '欧**娜',
      body: '你懂什么',
      hidden: false,
      status: 'open',
      reportCount: 1,
      openReportCount: 1,
      lastHandling: null,
    });
    expect(items[1]).toMatchObject({ deliberationId: first, deliberationTitle: '东门加装充电桩', authorName: '张*丰', body: '不文明的话', reportCount: 2, openReportCount: 2 });
    expect(items[1].reports.map((r) => r.reason)).toEqual(['语言粗俗', '人身攻击']);
    expect(items[1].reports.every((r) => r.handling === null && !Number.isNaN(Date.parse(r.reportedAt)))).toBe(true);
    expect(items[1].lastReportedAt).toBe(items[1].reports[0].reportedAt);

    const text = JSON.stringify(res.body);
    for (const reporter of [reporterA, reporterB]) {
      expect(text).not.toContain(reporter.name);
      expect(text).not.toContain(`"${reporter.id}"`);
    }
    expect(text).not.toMatch(/举报人|userId|reporter/i);

    expect((await other.items()).map((i) => i.body)).toEqual(['别处的评论']);
    expect(await c.items('?status=handled')).toEqual([]);
  });

  it('answers visitors 401 and everyone but the community’s own committee 403', async () => {
    const c = await Community.create(t);
    const other = await Community.create(t);
    const resident = await c.person();

    const visitor = await c.queue(null);
    expect(visitor.status).toBe(401);
    expect(visitor.body.error).toBe('unauthenticated');
    for (const token of [resident.token, c.branch.token, other.committee.token]) {
      const refused = await c.queue(token);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    }
    expect((await c.queue(c.committee.token, '?status=unknown')).status).toBe(400);
    expect((await c.get(c.committee.token, `/communities/999999/comment-reports`)).status).toBe(404);
  });

  it('dismisses a comment’s open reports with a note, once: the comment stays and the item moves to 已处理', async () => {
    const c = await Community.create(t);
    const [author, a, b] = [await c.person(), await c.person(), await c.person()];
    const d = await c.topic(author, '小区停车收费');
    const comment = await c.comment(author, d, '物业乱收费');
    await c.report(a, comment, '不实信息');
    await c.report(b, comment, '煽动');

    for (const body of [{}, { note: '   ' }, { note: '说'.repeat(256) }, { note: '正常意见', extra: 1 }]) {
      const bad = await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('validation_failed');
    }
    const other = await Community.create(t);
    expect((await c.post(other.committee.token, `/comments/${comment}/reports/dismiss`, { note: '正常意见' })).body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    expect((await c.post(a.token, `/comments/${comment}/reports/dismiss`, { note: '正常意见' })).status).toBe(403);
    expect((await c.post(c.committee.token, `/comments/999999/reports/dismiss`, { note: '正常意见' })).status).toBe(404);

    const dismissed = await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, { note: '  属于正常意见表达  ' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ commentId: comment, status: 'handled', openReportCount: 0, reportCount: 2, hidden: false });
    const handling = { outcome: 'dismissed', note: '属于正常意见表达', handledByName: '居委会主任' };
    expect(dismissed.body.lastHandling).toMatchObject(handling);
    expect(dismissed.body.reports.map((r: { handling: unknown }) => r.handling)).toEqual([expect.objectContaining(handling), expect.objectContaining(handling)]);

    expect(await c.items()).toEqual([]);
    expect((await c.items('?status=handled')).map((i) => [i.commentId, i.lastHandling?.outcome])).toEqual([[comment, 'dismissed']]);
    expect((await c.get(null, `/deliberations/${d}/comments`)).body.items[0]).toMatchObject({ id: comment, hidden: false, body: '物业乱收费' });

    const again = await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, { note: '再驳回一次' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'no_open_reports' });

    const unreported = await c.comment(author, d, '没人举报的评论');
    expect((await c.post(c.committee.token, `/comments/${unreported}/reports/dismiss`, { note: '正常意见' })).body).toMatchObject({ statusCode: 409, error: 'no_open_reports' });
  });

  it('hiding a reported comment handles its open reports with the hide reason; the committee still reads the text', async () => {
    const c = await Community.create(t);
    const [author, a] = [await c.person(), await c.person()];
    const d = await c.topic(author, '垃圾分类投放点');
    const comment = await c.comment(author, d, '骂人的话');
    await c.report(a, comment, '辱骂他人');

    const other = await Community.create(t);
    const refused = await c.post(other.committee.token, `/comments/${comment}/hide`, { reason: '违反议事规则' });
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    expect((await c.items()).map((i) => i.commentId)).toEqual([comment]);

    const hidden = await c.post(c.committee.token, `/comments/${comment}/hide`, { reason: '违反议事规则' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, body: null, hiddenReason: '违反议事规则' });

    expect(await c.items()).toEqual([]);
    const [item] = await c.items('?status=handled');
    expect(item).toMatchObject({ commentId: comment, hidden: true, hiddenReason: '违反议事规则', body: '骂人的话', status: 'handled' });
    expect(item.reports[0].handling).toMatchObject({ outcome: 'hidden', note: '违反议事规则', handledByName: '居委会主任' });
    expect((await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, { note: '已隐藏' })).status).toBe(409);
  });

  it('opens a handled item again when someone reports it afterwards, keeping the earlier handling', async () => {
    const c = await Community.create(t);
    const [author, a, b] = [await c.person(), await c.person(), await c.person()];
    const d = await c.topic(author, '电梯维修基金');
    const comment = await c.comment(author, d, '有争议的话');
    await c.report(a, comment, '误导');
    expect((await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, { note: '事实陈述' })).status).toBe(200);
    expect(await c.items()).toEqual([]);

    await c.report(b, comment, '仍然误导');
    const [reopened] = await c.items();
    expect(reopened).toMatchObject({ commentId: comment, status: 'open', reportCount: 2, openReportCount: 1, lastHandling: { outcome: 'dismissed', note: '事实陈述' } });
    expect(reopened.reports.map((r) => [r.reason, r.handling?.outcome ?? null])).toEqual([
      ['仍然误导', null],
      ['误导', 'dismissed'],
    ]);
    expect(await c.items('?status=handled')).toEqual([]);

    // Only the new report is handled by the second decision.
    const second = await c.post(c.committee.token, `/comments/${comment}/reports/dismiss`, { note: '再次核实，无误' });
    expect(second.body.reports.map((r: { handling: { note: string } }) => r.handling.note)).toEqual(['再次核实，无误', '事实陈述']);
  });

  it('pages through the queue newest report first without repeating or skipping an item', async () => {
    const c = await Community.create(t);
    const [author, reporter] = [await c.person(), await c.person()];
    const d = await c.topic(author, '健身器材更新');
    const comments: number[] = [];
    for (let i = 1; i <= 5; i++) comments.push(await c.comment(author, d, `第${i}条评论`));
    for (const id of comments) await c.report(reporter, id, '刷屏');
    // A later report on the first comment brings it to the front.
    await c.report(await c.person(), comments[0], '重复发帖');

    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const res = await c.queue(c.committee.token, `?status=open&page=${page}&pageSize=2`);
      expect(res.body).toMatchObject({ total: 5, page, pageSize: 2 });
      pages.push((res.body.items as DeliberationReportedCommentView[]).map((i) => i.commentId));
    }
    expect(pages).toEqual([[comments[0], comments[4]], [comments[3], comments[2]], [comments[1]]]);
    expect((await c.queue(c.committee.token, '?pageSize=101')).status).toBe(400);
  });
});
