import Taro from '@tarojs/taro';
import type { NotificationListResponse, NotificationUnreadResponse, NotificationView } from '@linli/shared';
import { api, session } from './index';
import { tabBadgeText } from './unread-badge';

/** The signed-in person's notifications (shared/src/api/notifications.ts). */
export const notificationsApi = {
  list(before?: number, limit = 20): Promise<NotificationListResponse> {
    return api.request('GET', `/api/me/notifications?limit=${limit}${before !== undefined ? `&before=${before}` : ''}`);
  },
  unread(): Promise<NotificationUnreadResponse> {
    return api.request('GET', '/api/me/notifications/unread');
  },
  read(id: number): Promise<NotificationView> {
    return api.request('POST', `/api/me/notifications/${id}/read`);
  },
  readAll(): Promise<{ marked: number }> {
    return api.request('POST', '/api/me/notifications/read-all');
  },
};

/** Index of 我的 in the tab bar, where the unread count shows. */
const ME_TAB = 4;

/** Shows the unread count on the 我的 tab (or clears it). Never throws: a badge is not worth an error. */
export async function showUnreadBadge(unread?: number): Promise<number> {
  try {
    const count = unread ?? (session.token() ? (await notificationsApi.unread()).unread : 0);
    const text = tabBadgeText(count);
    if (text) await Taro.setTabBarBadge({ index: ME_TAB, text });
    else await Taro.removeTabBarBadge({ index: ME_TAB });
    return count;
  } catch {
    return unread ?? 0;
  }
}
