/** What a notification is about; the mini-program picks an icon and wording by kind. */
export const NOTIFICATION_KINDS = ['poll_result'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One message in a person's notification list (消息通知). */
export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A mini-program page to open, e.g. `/pages/deliberations/poll/index?id=12`, or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListResponse {
  items: NotificationView[];
  unread: number;
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: number | null;
}

export interface NotificationUnreadResponse {
  unread: number;
}

/** Most notifications one list request returns. */
export const NOTIFICATION_PAGE_MAX = 50;
