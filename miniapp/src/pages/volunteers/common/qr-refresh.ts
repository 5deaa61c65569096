/**
 * When the organiser's page fetches the next rotating code. It asks a little before the server's expiry so
 * the code on screen is never stale while someone scans it. The phone's clock may disagree with the server's:
 * a code that already looks expired on arrival means the phone runs fast, and asking again at once would
 * loop, so the page then falls back to a fixed pace.
 */
export const VOLUNTEER_QR_REFRESH = {
  leadMs: 3_000,
  minMs: 1_000,
  maxMs: 25_000,
  skewFallbackMs: 10_000,
} as const;

export function volunteerQrRefreshDelay(expiresAt: string, now: Date, options = VOLUNTEER_QR_REFRESH): number {
  const expires = Date.parse(expiresAt);
  if (!Number.isFinite(expires)) return options.skewFallbackMs;
  const remaining = expires - now.getTime();
  if (remaining <= 0) return options.skewFallbackMs;
  return Math.min(options.maxMs, Math.max(options.minMs, remaining - options.leadMs));
}

/** Whole seconds until `at` (the next refresh), for the countdown under the code (never negative). */
export function volunteerQrSecondsLeft(at: string, now: Date): number {
  const when = Date.parse(at);
  if (!Number.isFinite(when)) return 0;
  return Math.max(0, Math.ceil((when - now.getTime()) / 1000));
}
