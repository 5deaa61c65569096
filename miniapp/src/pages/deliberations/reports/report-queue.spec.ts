import type { CommunitySummary, DeliberationReportedCommentView } from '@linli/shared';
import { appendPage, handlingLine, initialReportsCommunity, managedCommunities, reportCountLine, toDismissInput, toHideInput } from './report-queue';

const community = (id: number, streetId = 1): CommunitySummary => ({ id, streetId, name: `社区${id}`, code: `C${id}`, streetName: '测试街道' });
const item = (commentId: number) => ({ commentId }) as DeliberationReportedCommentView;

describe('reported comments queue', () => {
  it('hides only with a reason residents can read, trimmed and within the limit', () => {
    expect(toHideInput('  ').error).toContain('隐藏原因');
    expect(toHideInput('骂').error).toContain('至少 2 个字');
    expect(toHideInput(' 人身攻击 ')).toEqual({ input: { reason: '人身攻击' } });
    expect(toHideInput('长'.repeat(256)).error).toContain('255');
  });

  it('dismisses only with a note of at most 255 characters', () => {
    expect(toDismissInput('   ').error).toContain('说明');
    expect(toDismissInput(' 属于正常意见 ')).toEqual({ input: { note: '属于正常意见' } });
    expect(toDismissInput('长'.repeat(255)).input?.note).toHaveLength(255);
    expect(toDismissInput('长'.repeat(256)).error).toContain('255');
  });

  it('offers the communities a committee grant covers and opens on the asked one only if it is among them', () => {
    const all = [community(4), community(5), community(6, 2)];
    const managed = managedCommunities([{ role: 'community_committee', scopeKind: 'community', scopeId: 5 }], 1, all);
    expect(managed.map((c) => c.id)).toEqual([5]);
    expect(managedCommunities([{ role: 'district_admin', scopeKind: 'district', scopeId: 1 }], 1, all)).toHaveLength(3);
    expect(managedCommunities([{ role: 'party_branch', scopeKind: 'community', scopeId: 5 }], 1, all)).toEqual([]);
    expect(initialReportsCommunity(5, managed)).toBe(5);
    expect(initialReportsCommunity(4, managed)).toBe(5);
    expect(initialReportsCommunity(null, [])).toBeNull();
  });

  it('appends a further page without repeating an item already shown', () => {
    expect(appendPage([item(9), item(8)], [item(8), item(7)]).map((i) => i.commentId)).toEqual([9, 8, 7]);
  });

  it('says how often a comment was reported, how many reports wait, and how a report was handled', () => {
    expect(reportCountLine({ reportCount: 3, openReportCount: 1 })).toBe('举报 3 次 · 待处理 1');
    expect(reportCountLine({ reportCount: 2, openReportCount: 0 })).toBe('举报 2 次');
    expect(handlingLine({ outcome: 'dismissed', note: '正常意见', handledByName: '居委会主任', handledAt: '2024-11-20T08:10:00.000Z' })).toBe(
      '已驳回举报 · 居委会主任 · 2024-11-20 16:10：正常意见',
    );
    expect(handlingLine({ outcome: 'hidden', note: null, handledByName: '', handledAt: '2024-11-20T08:10:00.000Z' })).toBe('已隐藏评论 · 2024-11-20 16:10');
  });
});
