import { tabBadgeText } from './unread-badge';

describe('the unread badge on the 我的 tab', () => {
  it('shows nothing for nothing unread, the count up to 99, then 99+', () => {
    expect([0, -1, Number.NaN, 1, 99, 100, 1234].map(tabBadgeText)).toEqual([null, null, null, '1', '99', '99+', '99+']);
  });
});
