import { reportedCommentView } from './comment-report-views';
import type { DeliberationCommentReport } from './entities/comment-report.entity';
import type { DeliberationComment } from './entities/comment.entity';

const at = (minute: number) => new Date(Date.UTC(2024, 10, 20, 8, minute));

const comment = (over: Partial<DeliberationComment> = {}): DeliberationComment => ({
  id: 7,
  deliberationId: 3,
  parentId: null,
  authorId: 100,
  body: '不文明的话',
  supportCount: 0,
  reportCount: 0,
  hidden: false,
  clientKey: null,
  hiddenReason: null,
  hiddenById: null,
  hiddenAt: null,
  createdAt: at(0),
  ...over,
});

const report = (id: number, over: Partial<DeliberationCommentReport> = {}): DeliberationCommentReport => ({
  id,
  commentId: 7,
  userId: 200 + id,
  reason: `理由${id}`,
  createdAt: at(id),
  handledAt: null,
  handledById: null,
  outcome: null,
  handlingNote: null,
  ...over,
});

const names = new Map([
  [100, '张三丰'],
  [201, '李四'],
  [202, '王五'],
  [300, '居委会主任'],
]);

describe('reportedCommentView', () => {
  it('lists the reports newest first with reasons and times, never who reported', () => {
    const view = reportedCommentView(comment(), '东门充电桩', [report(1), report(2)], names);
    expect(view).toMatchObject({ commentId: 7, deliberationId: 3, deliberationTitle: '东门充电桩', authorName: '张*丰', body: '不文明的话', status: 'open' });
    expect(view.reports.map((r) => r.reason)).toEqual(['理由2', '理由1']);
    expect(view.lastReportedAt).toBe(at(2).toISOString());
    expect(JSON.stringify(view)).not.toMatch(/李四|王五|李\*|王\*/);
    expect(Object.keys(view.reports[0]).sort()).toEqual(['handling', 'id', 'reason', 'reportedAt']);
  });

  it('is handled once every report is, and shows the latest handling with the member who did it', () => {
    const dismissed = { handledAt: at(10), handledById: 300, outcome: 'dismissed' as const, handlingNote: '正常讨论' };
    const view = reportedCommentView(comment(), '东门充电桩', [report(1, dismissed), report(2, dismissed)], names);
    expect(view).toMatchObject({ status: 'handled', reportCount: 2, openReportCount: 0 });
    expect(view.lastHandling).toEqual({ outcome: 'dismissed', note: '正常讨论', handledByName: '居委会主任', handledAt: at(10).toISOString() });
  });

  it('is open again when a report arrives after the others were handled', () => {
    const dismissed = { handledAt: at(10), handledById: 300, outcome: 'dismissed' as const, handlingNote: '正常讨论' };
    const view = reportedCommentView(comment(), '东门充电桩', [report(1, dismissed), report(20)], names);
    expect(view).toMatchObject({ status: 'open', reportCount: 2, openReportCount: 1 });
    expect(view.reports[0].handling).toBeNull();
    expect(view.lastHandling?.outcome).toBe('dismissed');
  });

  it('keeps the hidden text for the committee alongside the reason shown to residents', () => {
    const hidden = { handledAt: at(10), handledById: 300, outcome: 'hidden' as const, handlingNote: '人身攻击' };
    const view = reportedCommentView(comment({ hidden: true, hiddenReason: '人身攻击' }), '东门充电桩', [report(1, hidden)], names);
    expect(view).toMatchObject({ body: '不文明的话', hidden: true, hiddenReason: '人身攻击', status: 'handled' });
    expect(view.lastHandling).toMatchObject({ outcome: 'hidden', note: '人身攻击' });
  });
});
