/** The badge on the 我的 tab: nothing at 0, the count up to 99, then 99+. */
export function tabBadgeText(unread: number): string | null {
  if (!Number.isFinite(unread) || unread <= 0) return null;
  return unread > 99 ? '99+' : String(Math.floor(unread));
}
