import type { NotificationView } from '@linli/shared';

/** A list with an older page appended: newest first, each notification once (a page may overlap a refresh). */
export function withOlder(shown: readonly NotificationView[], older: readonly NotificationView[]): NotificationView[] {
  const seen = new Set(shown.map((n) => n.id));
  return [...shown, ...older.filter((n) => !seen.has(n.id))].sort((a, b) => b.id - a.id);
}

/** The list after the server confirmed notification `read` as read. */
export function withRead(shown: readonly NotificationView[], read: NotificationView): NotificationView[] {
  return shown.map((n) => (n.id === read.id ? read : n));
}

/** The list after 全部已读: every unread one read at `at`. */
export function allRead(shown: readonly NotificationView[], at: string): NotificationView[] {
  return shown.map((n) => (n.readAt ? n : { ...n, readAt: at }));
}
