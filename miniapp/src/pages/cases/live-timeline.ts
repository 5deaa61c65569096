import { CASE_STATUS_LABELS, type CaseLiveEventData, type CaseView } from '@linli/shared';

/**
 * Folds one live `case.timeline` event into the case page's state: the entry is appended once (events come
 * in seq order, but a replay after reconnect may repeat what the HTTP load already had), and the status
 * badge and version follow it. Says whether the status moved, because then the page re-reads the case for
 * what a live entry does not carry (new buttons, after-photos, the rating form). Works on either view of the case:
 * each listens to its own room, whose entries are already cut to that view.
 */
export function applyCaseLiveEvent<V extends CaseView>(detail: V, event: CaseLiveEventData): { detail: V; statusChanged: boolean } {
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
