import { CASE_STATUS_LABELS, type CaseDetail, type CaseLiveEventData } from '@linli/shared';

/**
 * Folds one live `case.timeline` event into the case page's state: the entry is appended once (events come
 * in seq order, but a replay after reconnect may repeat what the HTTP load already had), and the status
 * badge and version follow it. Says whether the status moved, because then the page re-reads the case for
 * what a live entry does not carry (new buttons, after-photos, the rating form).
 */
export function applyCaseLiveEvent(detail: CaseDetail, event: CaseLiveEventData): { detail: CaseDetail; statusChanged: boolean } {
  if (event.caseId !== detail.id || detail.timeline.some((entry) => entry.seq === event.entry.seq)) {
    return { detail, statusChanged: false };
  }
  const timeline = [...detail.timeline, event.entry].sort((a, b) => a.seq - b.seq);
  const statusChanged = event.status !== detail.status;
  return {
    statusChanged,
    detail: {
      ...detail,
      timeline,
      status: event.status,
      statusLabel: CASE_STATUS_LABELS[event.status],
      version: Math.max(detail.version, event.version),
      lastSeq: Math.max(detail.lastSeq, event.entry.seq),
      // Until the re-read arrives, offer no buttons that belonged to the old status.
      availableActions: statusChanged ? [] : detail.availableActions,
    },
  };
}
