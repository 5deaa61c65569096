import type { CaseDetail, CaseLiveEventData, CasePublicView, CaseTimelineEntry } from '@linli/shared';
import { applyCaseLiveEvent } from './live-timeline';

const entry = (seq: number, patch: Partial<CaseTimelineEntry> = {}): CaseTimelineEntry => ({
  seq,
  event: 'submit',
  eventLabel: '提交反映',
  fromStatus: null,
  toStatus: 'submitted',
  actorRole: 'reporter',
  actorRoleLabel: '反映人',
  note: null,
  data: null,
  at: '2026-11-23T08:00:00Z',
  ...patch,
});

function detail(): CaseDetail {
  return {
    view: 'full',
    liveRoom: 'case:11',
    id: 11,
    code: 'YX20261123-0001',
    status: 'in_progress',
    statusLabel: '处理中',
    categoryId: null,
    categoryName: null,
    description: '井盖破损',
    address: null,
    lng: 113.27,
    lat: 23.13,
    communityId: 1,
    gridId: 1,
    queue: 'grid',
    thumbUrl: null,
    followerCount: 0,
    responseDueAt: null,
    resolveDueAt: null,
    createdAt: '2026-11-23T08:00:00Z',
    updatedAt: '2026-11-23T08:00:00Z',
    reporterName: '陈小明',
    isReporter: true,
    isFollowing: false,
    classification: { confidence: null, routedBy: 'auto' },
    photos: { before: [], after: [] },
    handler: null,
    departments: [],
    reopenCount: 0,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    rejection: null,
    timeline: [entry(1), entry(2, { event: 'accept', toStatus: 'accepted' }), entry(3, { event: 'start', toStatus: 'in_progress' })],
    lastSeq: 3,
    version: 3,
    myActor: 'reporter',
    availableActions: ['escalate'],
  };
}

/** The same case as a follower sees it. */
function publicView(): CasePublicView {
  const whole = detail();
  return {
    view: 'public',
    id: whole.id,
    code: whole.code,
    status: whole.status,
    statusLabel: whole.statusLabel,
    categoryId: null,
    categoryName: null,
    description: whole.description,
    address: null,
    place: { communityName: '测试社区', streetName: '测试街道' },
    photoThumbUrls: { before: [], after: [] },
    followerCount: 1,
    isFollowing: true,
    timeline: whole.timeline,
    lastSeq: 3,
    version: 3,
    liveRoom: 'case:public:11',
    createdAt: whole.createdAt,
    updatedAt: whole.updatedAt,
    resolvedAt: null,
    closedAt: null,
    myActor: null,
    availableActions: [],
  };
}

const resolved: CaseLiveEventData = {
  caseId: 11,
  status: 'resolved',
  version: 4,
  entry: entry(4, { event: 'resolve', eventLabel: '办结', fromStatus: 'in_progress', toStatus: 'resolved', actorRole: 'grid_worker', actorRoleLabel: '网格员', note: '已更换' }),
};

describe('applyCaseLiveEvent', () => {
  it('appends the new entry and moves the status badge to 已办结', () => {
    const { detail: next, statusChanged } = applyCaseLiveEvent(detail(), resolved);
    expect(statusChanged).toBe(true);
    expect(next.status).toBe('resolved');
    expect(next.statusLabel).toBe('已办结');
    expect(next.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(next.lastSeq).toBe(4);
    expect(next.version).toBe(4);
    expect(next.availableActions).toEqual([]);
  });

  it('ignores an entry the page already has (a replay after reconnect) and events of another case', () => {
    const once = applyCaseLiveEvent(detail(), resolved).detail;
    const twice = applyCaseLiveEvent(once, resolved);
    expect(twice.detail).toBe(once);
    expect(twice.statusChanged).toBe(false);
    const other = applyCaseLiveEvent(detail(), { ...resolved, caseId: 12 });
    expect(other.detail.timeline).toHaveLength(3);
  });

  it('records a 吹哨 without a status change and keeps the buttons', () => {
    const escalated: CaseLiveEventData = { caseId: 11, status: 'in_progress', version: 4, entry: entry(4, { event: 'escalate', toStatus: 'in_progress' }) };
    const { detail: next, statusChanged } = applyCaseLiveEvent(detail(), escalated);
    expect(statusChanged).toBe(false);
    expect(next.timeline).toHaveLength(4);
    expect(next.availableActions).toEqual(['escalate']);
  });

  it('folds an event of the public room into a follower’s view the same way, and keeps it the public view', () => {
    const { detail: next, statusChanged } = applyCaseLiveEvent(publicView(), { ...resolved, entry: { ...resolved.entry, note: null } });
    expect(statusChanged).toBe(true);
    expect(next).toMatchObject({ view: 'public', status: 'resolved', lastSeq: 4, availableActions: [] });
    expect(next.timeline.at(-1)).toMatchObject({ seq: 4, note: null });
  });
});
