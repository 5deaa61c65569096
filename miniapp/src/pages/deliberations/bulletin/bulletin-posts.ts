import type { DeliberationBulletinPostView, DeliberationPollResult } from '@linli/shared';

export interface BulletinPollResult {
  pollId: number;
  deliberationId: number | null;
  result: DeliberationPollResult;
}

/**
 * The poll result a `poll_result` post carries in `data`, or null for other posts and for data that does not
 * have the shape (the board then prints the post's text alone rather than failing).
 */
export function pollResultOf(post: Pick<DeliberationBulletinPostView, 'kind' | 'data'>): BulletinPollResult | null {
  if (post.kind !== 'poll_result') return null;
  const { pollId, deliberationId, result } = post.data as { pollId?: unknown; deliberationId?: unknown; result?: unknown };
  if (typeof pollId !== 'number' || !result || typeof result !== 'object') return null;
  const candidate = result as Partial<DeliberationPollResult>;
  if (!candidate.tally || !Array.isArray(candidate.tally.options) || typeof candidate.summary !== 'string') return null;
  return { pollId, deliberationId: typeof deliberationId === 'number' ? deliberationId : null, result: candidate as DeliberationPollResult };
}

/** Newest first, without duplicates, when a live post arrives while the page already holds a list. */
export function mergeBulletinPosts<T extends { id: number; publishedAt: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(current.map((post) => [post.id, post]));
  for (const post of incoming) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => (a.publishedAt === b.publishedAt ? b.id - a.id : a.publishedAt < b.publishedAt ? 1 : -1));
}
