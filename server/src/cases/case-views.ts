import {
  CASE_ACTOR_LABELS,
  CASE_ACTIONS,
  CASE_EVENT_LABELS,
  CASE_STATUS_LABELS,
  CASE_REMIND_LABEL,
  CASE_SUBMIT_LABEL,
  CaseAction,
  CaseActor,
  CaseDetail,
  CaseEvent,
  CasePublicSummary,
  CasePublicView,
  CaseSummary,
  CaseTimelineEntry as CaseTimelineEntryView,
  eventsAvailable,
  liveRoom,
  maskName,
} from '@linli/shared';
import { mediaThumbUrl, toUploadedPhoto } from '../media/uploaded-photo';
import { CaseViewer, caseActorsOf } from './case-actors';
import { CaseBundle, CasePlaceNames, partiesOf } from './case-bundle';
import { Case, CaseTimelineEntry } from './entities';
import { maskPublicCaseText } from './public-text';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The action (URL segment) that fires an event, or null for events no one fires over HTTP. */
export function actionOfEvent(event: CaseEvent): CaseAction | null {
  if (event === 'rate_satisfied' || event === 'rate_unsatisfied') return 'rate';
  return (CASE_ACTIONS as readonly string[]).includes(event) ? (event as CaseAction) : null;
}

/** What the viewer may do now, over all the roles they play in the case, in the order of CASE_ACTIONS. */
export function availableActionsFor(row: Pick<Case, 'status' | 'reopenCount'>, actors: readonly CaseActor[]): CaseAction[] {
  const actions = new Set<CaseAction>();
  for (const actor of actors) {
    for (const event of eventsAvailable(row.status, actor, { reopenCount: row.reopenCount })) {
      const action = actionOfEvent(event);
      if (action) actions.add(action);
    }
  }
  return CASE_ACTIONS.filter((a) => actions.has(a));
}

export function toTimelineEntryView(entry: CaseTimelineEntry): CaseTimelineEntryView {
  return {
    seq: entry.seq,
    event: entry.event,
    eventLabel: entry.event === 'submit' ? CASE_SUBMIT_LABEL : entry.event === 'remind' ? CASE_REMIND_LABEL : CASE_EVENT_LABELS[entry.event],
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    actorRole: entry.actorRole,
    actorRoleLabel: CASE_ACTOR_LABELS[entry.actorRole],
    note: entry.note,
    data: entry.data,
    at: new Date(entry.createdAt).toISOString(),
  };
}

/**
 * A timeline entry as the public view shows it: the step, who in which role, when. Notes and data are dropped —
 * they name people (转派给…, a handler's note) — except the resolution note, which 办理结果公开 prints too, masked.
 */
export function toPublicTimelineEntryView(entry: CaseTimelineEntry): CaseTimelineEntryView {
  return { ...toTimelineEntryView(entry), note: entry.event === 'resolve' ? maskPublicCaseText(entry.note) : null, data: null };
}

export interface CaseSummaryExtras {
  categoryName: string | null;
  thumbMediaId: string | null;
  followerCount: number;
}

export function toCaseSummary(row: Case, extras: CaseSummaryExtras): CaseSummary {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status],
    categoryId: row.categoryId,
    categoryName: extras.categoryName,
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    communityId: row.communityId,
    gridId: row.gridId,
    queue: row.queue,
    thumbUrl: extras.thumbMediaId ? mediaThumbUrl(extras.thumbMediaId) : null,
    followerCount: extras.followerCount,
    responseDueAt: iso(row.responseDueAt),
    resolveDueAt: iso(row.resolveDueAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function toCaseDetail(bundle: CaseBundle, viewer: CaseViewer): CaseDetail {
  const { row } = bundle;
  const parties = partiesOf(
    row,
    bundle.followerIds,
    bundle.departments.map((d) => ({ departmentId: d.department.id, role: d.role })),
  );
  const actors = caseActorsOf(viewer, parties);
  const isReporter = viewer.id === row.reporterId;
  const handlesIt = actors.some((a) => a !== 'reporter');
  const reporterName = bundle.reporter ? (isReporter || handlesIt ? bundle.reporter.name : maskName(bundle.reporter.name)) : '';
  const handlerActor = actors.find((a) => a !== 'reporter') ?? (isReporter ? 'reporter' : null);
  return {
    view: 'full',
    liveRoom: liveRoom('case', row.id),
    ...toCaseSummary(row, {
      categoryName: bundle.category?.name ?? null,
      thumbMediaId: bundle.photos.before[0]?.id ?? null,
      followerCount: bundle.followerIds.length,
    }),
    reporterName,
    isReporter,
    isFollowing: bundle.followerIds.includes(viewer.id),
    classification: { confidence: row.classificationConfidence, routedBy: row.routedBy },
    photos: { before: bundle.photos.before.map(toUploadedPhoto), after: bundle.photos.after.map(toUploadedPhoto) },
    handler: bundle.handler ? { userId: bundle.handler.id, name: bundle.handler.name } : null,
    departments: bundle.departments.map((d) => ({ id: d.department.id, name: d.department.name, role: d.role })),
    reopenCount: row.reopenCount,
    acceptedAt: iso(row.acceptedAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    rating: row.rating === null ? null : { score: row.rating, comment: row.ratingComment },
    rejection: row.rejectKind && row.rejectReason ? { kind: row.rejectKind, reason: row.rejectReason } : null,
    timeline: bundle.timeline.map(toTimelineEntryView),
    lastSeq: row.timelineSeq,
    version: row.version,
    myActor: handlerActor,
    availableActions: availableActionsFor(row, actors),
  };
}

/** A list line of a case the viewer only follows, picked field by field from its summary, text masked. */
export function toCasePublicSummary(summary: CaseSummary): CasePublicSummary {
  return {
    view: 'public',
    id: summary.id,
    code: summary.code,
    status: summary.status,
    statusLabel: summary.statusLabel,
    categoryId: summary.categoryId,
    categoryName: summary.categoryName,
    description: maskPublicCaseText(summary.description),
    address: maskPublicCaseText(summary.address),
    thumbUrl: summary.thumbUrl,
    followerCount: summary.followerCount,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
  };
}

/**
 * The public view of a case for a follower, built field by field (never by trimming the whole case's view, so a
 * field added there cannot slip in): no names, no ids of people, no coordinates, thumbnails only.
 */
export function toCasePublicView(bundle: CaseBundle, place: CasePlaceNames, viewer: CaseViewer): CasePublicView {
  const { row } = bundle;
  return {
    view: 'public',
    id: row.id,
    code: row.code,
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status],
    categoryId: row.categoryId,
    categoryName: bundle.category?.name ?? null,
    description: maskPublicCaseText(row.description),
    address: maskPublicCaseText(row.address),
    place,
    photoThumbUrls: { before: bundle.photos.before.map((p) => mediaThumbUrl(p.id)), after: bundle.photos.after.map((p) => mediaThumbUrl(p.id)) },
    followerCount: bundle.followerIds.length,
    isFollowing: bundle.followerIds.includes(viewer.id),
    timeline: bundle.timeline.map(toPublicTimelineEntryView),
    lastSeq: row.timelineSeq,
    version: row.version,
    liveRoom: liveRoom('case:public', row.id),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    myActor: null,
    availableActions: [],
  };
}
